// The parts of fengari (Lua 5.3 in plain JavaScript) the sandbox uses; the package ships no types.
declare module 'fengari' {
  export type LuaState = object;
  export type LuaString = Uint8Array;
  export function to_luastring(s: string): LuaString;
  export function to_jsstring(s: LuaString): string;
  export const lua: {
    LUA_OK: number;
    LUA_MASKCOUNT: number;
    LUA_REGISTRYINDEX: number;
    LUA_TNIL: number;
    LUA_TBOOLEAN: number;
    LUA_TNUMBER: number;
    LUA_TSTRING: number;
    LUA_TTABLE: number;
    lua_sethook(L: LuaState, hook: ((L: LuaState) => void) | null, mask: number, count: number): void;
    lua_setglobal(L: LuaState, name: LuaString): void;
    lua_getglobal(L: LuaState, name: LuaString): number;
    lua_pushnil(L: LuaState): void;
    lua_pushboolean(L: LuaState, b: boolean): void;
    lua_pushinteger(L: LuaState, n: number): void;
    lua_pushnumber(L: LuaState, n: number): void;
    lua_pushstring(L: LuaState, s: LuaString): void;
    lua_pushvalue(L: LuaState, idx: number): void;
    lua_createtable(L: LuaState, narr: number, nrec: number): void;
    lua_setfield(L: LuaState, idx: number, k: LuaString): void;
    lua_seti(L: LuaState, idx: number, n: number): void;
    lua_getfield(L: LuaState, idx: number, k: LuaString): number;
    lua_type(L: LuaState, idx: number): number;
    lua_tojsstring(L: LuaState, idx: number): string;
    lua_pcall(L: LuaState, nargs: number, nresults: number, msgh: number): number;
    lua_pop(L: LuaState, n: number): void;
    lua_settop(L: LuaState, idx: number): void;
    lua_gettop(L: LuaState): number;
    lua_rawgeti(L: LuaState, idx: number, n: number): number;
    lua_pushglobaltable(L: LuaState): void;
    lua_setmetatable(L: LuaState, idx: number): number;
    lua_setupvalue(L: LuaState, funcindex: number, n: number): string | null;
  };
  export const lauxlib: {
    luaL_newstate(): LuaState;
    luaL_requiref(L: LuaState, name: LuaString, open: (L: LuaState) => number, glb: number): void;
    luaL_loadbuffer(L: LuaState, buf: LuaString, size: number | null, name: LuaString): number;
    luaL_ref(L: LuaState, t: number): number;
    luaL_error(L: LuaState, fmt: LuaString): never;
  };
  export const lualib: Record<string, (L: LuaState) => number>;
  const fengari: { lua: typeof lua; lauxlib: typeof lauxlib; lualib: typeof lualib; to_luastring: typeof to_luastring; to_jsstring: typeof to_jsstring };
  export default fengari;
}
