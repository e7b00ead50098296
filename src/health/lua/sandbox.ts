// A sandboxed Lua VM (fengari: Lua 5.3 in plain JavaScript) for Argo CD health scripts. Only the
// base, string, table, math and utf8 libraries are opened, plus the clock part of os (time, clock,
// date, difftime, as Argo CD's safe os library offers), with no way to reach files, the
// environment, the process or other code (io, os.execute/getenv/remove/exit, package/require,
// load, dofile, loadfile are absent). Each run has an
// instruction budget (a count hook) and a memory budget (heap growth, checked from the same hook).
import type fengariModule from 'fengari';
import type { LuaState } from 'fengari';
import { getHeapStatistics } from 'node:v8';

type Fengari = typeof fengariModule;
// fengari (about 630 KB with its dependencies) is its own chunk, loaded only when a Lua rule is
// configured: every start would otherwise compile it (issue 13: start-up).
let lua: Fengari['lua'];
let lauxlib: Fengari['lauxlib'];
let lualib: Fengari['lualib'];
let to_luastring: Fengari['to_luastring'];
let loading: Promise<void> | undefined;

/** Loads the Lua engine; LuaScript needs it first. */
export function loadLuaEngine(): Promise<void> {
  return (loading ??= import('fengari').then((m) => {
    const f = ((m as { default?: Fengari }).default ?? m) as Fengari;
    ({ lua, lauxlib, lualib, to_luastring } = f);
  }));
}

export const luaEngineLoaded = (): boolean => lua !== undefined;

export interface SandboxLimits {
  /** VM instructions one evaluation may execute. */
  instructions: number;
  /** Bytes the JavaScript heap may grow during one evaluation. */
  memoryBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { instructions: 1_000_000, memoryBytes: 64 * 1024 * 1024 };

/** What a script returned, or where and why it failed ("line" is the script's own line). */
export type ScriptOutcome = { value: { status?: string; message?: string } } | { error: string; line?: number };

const HOOK_EVERY = 1000;
const LIBS: [string, string][] = [
  ['_G', 'luaopen_base'],
  ['string', 'luaopen_string'],
  ['table', 'luaopen_table'],
  ['math', 'luaopen_math'],
  ['utf8', 'luaopen_utf8'],
  ['os', 'luaopen_os'],
];
const REMOVED = ['dofile', 'loadfile', 'load', 'require', 'collectgarbage', 'print'];
// string.rep can build a huge string in one instruction, before the hook can look at the heap.
const PRELUDE = `local rep, limit = string.rep, ...
string.rep = function(s, n, sep)
  if type(n) == "number" and n > 0 and (#tostring(s) + #tostring(sep or "")) * n > limit then error("string.rep result too large", 2) end
  return rep(s, n, sep)
end
string.dump = nil
os = { time = os.time, clock = os.clock, date = os.date, difftime = os.difftime }`;

function pushJson(L: LuaState, value: unknown, depth = 0): void {
  if (depth > 64 || value === null || value === undefined) return lua.lua_pushnil(L);
  switch (typeof value) {
    case 'boolean':
      return lua.lua_pushboolean(L, value);
    case 'number':
      return Number.isInteger(value) ? lua.lua_pushinteger(L, value) : lua.lua_pushnumber(L, value);
    case 'string':
      return lua.lua_pushstring(L, to_luastring(value));
    case 'object': {
      if (Array.isArray(value)) {
        lua.lua_createtable(L, value.length, 0);
        value.forEach((v, i) => {
          pushJson(L, v, depth + 1);
          lua.lua_seti(L, -2, i + 1);
        });
        return;
      }
      const entries = Object.entries(value as Record<string, unknown>);
      lua.lua_createtable(L, 0, entries.length);
      for (const [k, v] of entries) {
        if (v === undefined || v === null) continue;
        pushJson(L, v, depth + 1);
        lua.lua_setfield(L, -2, to_luastring(k));
      }
      return;
    }
    default:
      return lua.lua_pushnil(L);
  }
}

function stringField(L: LuaState, idx: number, key: string): string | undefined {
  const t = lua.lua_getfield(L, idx, to_luastring(key));
  const out = t === lua.LUA_TSTRING || t === lua.LUA_TNUMBER ? lua.lua_tojsstring(L, -1) : undefined;
  lua.lua_pop(L, 1);
  return out;
}

/** "chunk:12: attempt to index a nil value" → line 12 and the message after it. */
function splitError(raw: string, chunk: string): { error: string; line?: number } {
  const m = raw.match(/^(?:.*?):(\d+): (.*)$/s);
  if (m && raw.startsWith(chunk)) return { error: m[2]!, line: Number(m[1]) };
  return { error: raw };
}

/** A compiled script in its own VM, ready to run against many objects. */
export class LuaScript {
  private readonly L: LuaState;
  private readonly fnRef: number;
  private readonly limits: SandboxLimits;
  private readonly chunk: string;
  private budget = 0;
  private heapStart = 0;

  private constructor(L: LuaState, fnRef: number, limits: SandboxLimits, chunk: string) {
    this.L = L;
    this.fnRef = fnRef;
    this.limits = limits;
    this.chunk = chunk;
  }

  /** Compile a script; a syntax error comes back with the script's line. */
  static compile(source: string, limits: SandboxLimits = DEFAULT_LIMITS): LuaScript | { error: string; line?: number } {
    if (!luaEngineLoaded()) throw new Error('the Lua engine is not loaded (await loadLuaEngine() first)');
    const chunk = 'script';
    const L = lauxlib.luaL_newstate();
    for (const [name, open] of LIBS) {
      lauxlib.luaL_requiref(L, to_luastring(name), lualib[open]!, 1);
      lua.lua_pop(L, 1);
    }
    for (const name of REMOVED) {
      lua.lua_pushnil(L);
      lua.lua_setglobal(L, to_luastring(name));
    }
    lauxlib.luaL_loadbuffer(L, to_luastring(PRELUDE), null, to_luastring('=prelude'));
    lua.lua_pushinteger(L, Math.floor(limits.memoryBytes / 4));
    if (lua.lua_pcall(L, 1, 0, 0) !== lua.LUA_OK) throw new Error(`Lua sandbox prelude: ${lua.lua_tojsstring(L, -1)}`);

    if (lauxlib.luaL_loadbuffer(L, to_luastring(source), null, to_luastring(`=${chunk}`)) !== lua.LUA_OK) {
      return splitError(lua.lua_tojsstring(L, -1), chunk);
    }
    const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    const script = new LuaScript(L, ref, limits, chunk);
    lua.lua_sethook(L, (state) => script.onHook(state), lua.LUA_MASKCOUNT, HOOK_EVERY);
    return script;
  }

  private onHook(L: LuaState): void {
    this.budget -= HOOK_EVERY;
    if (this.budget < 0) lauxlib.luaL_error(L, to_luastring(`instruction limit exceeded (${this.limits.instructions}); the script may loop forever`));
    if (getHeapStatistics().used_heap_size - this.heapStart > this.limits.memoryBytes) {
      lauxlib.luaL_error(L, to_luastring(`memory limit exceeded (${Math.round(this.limits.memoryBytes / 1048576)} MiB)`));
    }
  }

  /**
   * Run against one object. Each run gets a fresh global table (reads fall through to the
   * libraries), so nothing a script sets outlives the object it judged; `obj` is the object and
   * the verdict is the returned table, or the global `hs` when the script returns nothing.
   */
  run(obj: unknown): ScriptOutcome {
    const L = this.L;
    this.budget = this.limits.instructions;
    this.heapStart = getHeapStatistics().used_heap_size;
    lua.lua_settop(L, 0);
    lua.lua_createtable(L, 0, 2); // 1: this run's globals
    pushJson(L, obj);
    lua.lua_setfield(L, 1, to_luastring('obj'));
    lua.lua_createtable(L, 0, 1);
    lua.lua_pushglobaltable(L);
    lua.lua_setfield(L, -2, to_luastring('__index'));
    lua.lua_setmetatable(L, 1);
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, this.fnRef); // 2: the compiled chunk
    lua.lua_pushvalue(L, 1);
    lua.lua_setupvalue(L, 2, 1); // the chunk's _ENV
    let status: number;
    try {
      status = lua.lua_pcall(L, 0, 1, 0);
    } catch (e) {
      // A JavaScript failure inside the VM (a stack overflow of the host) must not crash a sync.
      lua.lua_settop(L, 0);
      return { error: `the Lua VM failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (status !== lua.LUA_OK) {
      const raw = lua.lua_type(L, -1) === lua.LUA_TSTRING ? lua.lua_tojsstring(L, -1) : 'error object is not a string';
      lua.lua_settop(L, 0);
      return splitError(raw, this.chunk);
    }
    if (lua.lua_type(L, -1) !== lua.LUA_TTABLE) {
      lua.lua_settop(L, 1);
      lua.lua_getfield(L, 1, to_luastring('hs'));
      if (lua.lua_type(L, -1) !== lua.LUA_TTABLE) {
        lua.lua_settop(L, 0);
        return { error: 'the script returned no health table (expected `return hs` with hs.status and hs.message)' };
      }
    }
    const value = { status: stringField(L, -1, 'status'), message: stringField(L, -1, 'message') };
    lua.lua_settop(L, 0);
    return { value };
  }
}
