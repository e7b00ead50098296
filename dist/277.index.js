export const id = 277;
export const ids = [277];
export const modules = {

/***/ 6277:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CelScalar: () => (/* reexport */ type/* CelScalar */.ZR),
  celEnv: () => (/* reexport */ celEnv),
  celError: () => (/* reexport */ error/* celError */.$U),
  celFromScalar: () => (/* reexport */ proto/* celFromScalar */.T),
  celFunc: () => (/* reexport */ esm_func/* celFunc */.V),
  celList: () => (/* reexport */ esm_list/* celList */.bC),
  celListConcat: () => (/* reexport */ esm_list/* celListConcat */.fc),
  celMap: () => (/* reexport */ esm_map/* celMap */.$I),
  celMethod: () => (/* reexport */ esm_func/* celMethod */.y),
  celType: () => (/* reexport */ type/* celType */.zO),
  celUint: () => (/* reexport */ uint/* celUint */.f),
  isCelError: () => (/* reexport */ error/* isCelError */.Jr),
  isCelList: () => (/* reexport */ esm_list/* isCelList */.B9),
  isCelMap: () => (/* reexport */ esm_map/* isCelMap */.hV),
  isCelType: () => (/* reexport */ type/* isCelType */.fo),
  isCelUint: () => (/* reexport */ uint/* isCelUint */.p),
  listType: () => (/* reexport */ type/* listType */.Vc),
  mapType: () => (/* reexport */ type/* mapType */.H$),
  objectType: () => (/* reexport */ type/* objectType */.ge),
  parse: () => (/* reexport */ parse_parse),
  plan: () => (/* reexport */ plan),
  run: () => (/* reexport */ run),
  unparse: () => (/* reexport */ unparse)
});

// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/error.js
var error = __webpack_require__(2108);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/map.js
var esm_map = __webpack_require__(724);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/list.js
var esm_list = __webpack_require__(9356);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/uint.js
var uint = __webpack_require__(6060);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/proto.js
var proto = __webpack_require__(5144);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/type.js
var type = __webpack_require__(4540);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/registry.js + 2 modules
var registry = __webpack_require__(370);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/timestamp_pb.js
var timestamp_pb = __webpack_require__(6641);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/duration_pb.js
var duration_pb = __webpack_require__(8099);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/any_pb.js
var any_pb = __webpack_require__(2240);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/wrappers_pb.js
var wrappers_pb = __webpack_require__(7467);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/struct_pb.js
var struct_pb = __webpack_require__(1392);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/registry.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.


const wktRegistry = (0,registry/* createRegistry */.Iq)(timestamp_pb/* TimestampSchema */.w, duration_pb/* DurationSchema */.u, any_pb/* AnySchema */.y, wrappers_pb/* file_google_protobuf_wrappers */.Ax, struct_pb/* file_google_protobuf_struct */.dA);
/**
 * Creates a new registry with CEL supported WKTs.
 */
function createRegistryWithWKT(...inputs) {
    return (0,registry/* createRegistry */.Iq)(wktRegistry, ...inputs);
}

// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/func.js
var esm_func = __webpack_require__(8558);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/value.js
var esm_value = __webpack_require__(3563);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/resolver.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

const privateSymbol = Symbol.for("@bufbuild/cel/resolver");
/**
 * Creates a new function resolver.
 */
function createResolver(...inputs) {
    const groups = new Map();
    for (const input of inputs) {
        const funcs = isFuncResolver(input) || Array.isArray(input) ? input : [input];
        for (const func of funcs) {
            let group = groups.get(func.name);
            if (group === undefined) {
                group = [];
                groups.set(func.name, group);
            }
            group.push(func);
        }
    }
    return new Resolver(new Map(new Array(...groups.entries()).map(([name, funcs]) => [
        name,
        createFuncGroup(name, funcs),
    ])));
}
function isFuncResolver(v) {
    return typeof v === "object" && v !== null && privateSymbol in v;
}
class Resolver {
    _groups;
    [privateSymbol] = {};
    constructor(_groups) {
        this._groups = _groups;
    }
    *[Symbol.iterator]() {
        for (const group of this._groups.values()) {
            yield* group;
        }
    }
    find(name) {
        return this._groups.get(name);
    }
}
function createFuncGroup(name, funcs) {
    const set = [];
    for (const func of funcs) {
        for (let i = 0; i < set.length; i++) {
            if (func.id === set[i].id) {
                set.splice(i, 1);
                break;
            }
        }
        set.push(func);
    }
    return new Group(name, set);
}
class Group {
    _name;
    _funcs;
    constructor(_name, _funcs) {
        this._name = _name;
        this._funcs = _funcs;
    }
    *[Symbol.iterator]() {
        yield* this._funcs;
    }
    get name() {
        return this._name;
    }
    call(id, target, args) {
        args = args.map((arg) => (0,esm_value/* unwrapAny */.sn)(arg));
        for (const func of this._funcs) {
            const result = func.call(id, target, args);
            if (result !== undefined) {
                return result;
            }
        }
        return undefined;
    }
}

// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/descriptors.js
var descriptors = __webpack_require__(2567);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/proto-int64.js
var proto_int64 = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/create.js
var create = __webpack_require__(6149);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/reflect/error.js
var reflect_error = __webpack_require__(477);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/reflect/reflect-check.js
var reflect_check = __webpack_require__(923);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/reflect/names.js
var names = __webpack_require__(9281);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/reflect/scalar.js
var reflect_scalar = __webpack_require__(3039);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/reflect/unsafe.js
var unsafe = __webpack_require__(6629);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/reflect/message.js
var message = __webpack_require__(3792);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wire/base64-encoding.js
var base64_encoding = __webpack_require__(1712);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/wrappers.js
var wrappers = __webpack_require__(5898);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/any.js
var wkt_any = __webpack_require__(962);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/extensions.js
var extensions = __webpack_require__(4483);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/json.js
var wkt_json = __webpack_require__(7180);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/from-json.js
// Copyright 2021-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.













// bootstrap-inject google.protobuf.FeatureSet.FieldPresence.IMPLICIT: const $name = $number;
const IMPLICIT = 2;
function makeReadContext(options) {
    return Object.assign(Object.assign({ ignoreUnknownFields: false, recursionLimit: 100 }, options), { depth: 0 });
}
/**
 * Parse a message from a JSON string.
 *
 * Duplicate keys are rejected.
 */
function fromJsonString(schema, json, options) {
    return fromJson(schema, parseJsonString(json, schema.typeName), options);
}
/**
 * Parse a message from a JSON string, merging fields into the target.
 *
 * Repeated fields are appended. Map entries are added, overwriting
 * existing keys.
 *
 * If a message field is already present, it will be merged with the
 * new data.
 *
 * Duplicate keys in the JSON are rejected, as in `fromJsonString`.
 */
function mergeFromJsonString(schema, target, json, options) {
    return mergeFromJson(schema, target, parseJsonString(json, schema.typeName), options);
}
/**
 * Parse a message from a JSON value.
 *
 * Duplicate keys are rejected, but a value parsed by JSON.parse has already
 * dropped duplicates (the last one wins). Use `fromJsonString` for strict
 * duplicate-key checking.
 */
function fromJson(schema, json, options) {
    const message = (0,create/* create */.v)(schema);
    readMessage(schema, message, json, options);
    return message;
}
/**
 * Parse a message from a JSON value, merging fields into the target.
 *
 * Repeated fields are appended. Map entries are added, overwriting
 * existing keys.
 *
 * If a message field is already present, it will be merged with the
 * new data.
 *
 * Duplicate keys are rejected as in `fromJson`; use `mergeFromJsonString`
 * for strict checking.
 */
function mergeFromJson(schema, target, json, options) {
    if (target.$typeName !== schema.typeName &&
        schema.fields.length > 0) {
        throw new FieldError(schema.fields[0], `cannot use ${schema.fields[0]} with message ${target.$typeName}`, "ForeignFieldError");
    }
    readMessage(schema, target, json, options);
    return target;
}
/**
 * Run the compiled decoder for the message, wrapping FieldErrors with the
 * standard error message.
 */
function readMessage(schema, message, json, options) {
    try {
        compiledReader(schema)(message, json, makeReadContext(options));
    }
    catch (e) {
        if ((0,reflect_error/* isFieldError */.p)(e)) {
            // @ts-expect-error we use the ES2022 error CTOR option "cause" for better stack traces
            throw new Error(`cannot decode ${e.field()} from JSON: ${e.message}`, {
                cause: e,
            });
        }
        throw e;
    }
}
/**
 * Parses an enum value from JSON.
 */
function enumFromJson(descEnum, json) {
    // With ignoreUnknownFields false, the converter never returns the token
    // for ignored unknown enum values.
    return compileEnumConverter(descEnum)(json, false);
}
/**
 * Is the given value a JSON enum value?
 *
 * For an enum value with a custom JSON name set with the option
 * `(pb.enumvalue.json).string`, this function only returns true for the
 * custom name, while fromJson() and enumFromJson() also accept the Protobuf
 * name.
 */
function isEnumJson(descEnum, value) {
    return descEnum.values.some((v) => v.jsonName === value);
}
const compiledReaders = new WeakMap();
/**
 * Return the compiled decoder for a message, compiling it on first use.
 */
function compiledReader(desc) {
    let compiled = compiledReaders.get(desc);
    if (compiled === undefined) {
        compiled = compileMessage(desc);
    }
    return compiled;
}
function compileMessage(desc) {
    const descString = String(desc);
    const readWkt = compileWkt(desc);
    if (readWkt !== undefined) {
        // All message decoders count against the recursion limit, including
        // well-known types with a custom JSON representation.
        const compiled = (message, json, ctx) => {
            if (++ctx.depth > ctx.recursionLimit) {
                throw new Error(`cannot decode ${descString} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
            }
            readWkt(message, json, ctx);
            ctx.depth--;
        };
        compiledReaders.set(desc, compiled);
        return compiled;
    }
    const typeName = desc.typeName;
    // Fields are looked up by their proto name and their JSON name.
    const fieldsByJsonKey = new Map();
    const compiled = (message, json, ctx) => {
        var _a;
        if (++ctx.depth > ctx.recursionLimit) {
            throw new Error(`cannot decode ${descString} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
        }
        if (json == null || Array.isArray(json) || typeof json != "object") {
            throw new Error(`cannot decode ${descString} from JSON: ${(0,reflect_check/* formatVal */.$L)(json)}`);
        }
        const oneofSeen = new Map();
        const fieldSeen = new Set();
        const jsonKeys = Object.keys(json);
        for (let i = 0; i < jsonKeys.length; i++) {
            const jsonKey = jsonKeys[i];
            const jsonValue = json[jsonKey];
            const entry = fieldsByJsonKey.get(jsonKey);
            if (entry !== undefined) {
                const field = entry.field;
                if (fieldSeen.has(field)) {
                    // The same field may be set by its proto name and its JSON name, or by
                    // a duplicate or unicode-escaped key that JSON.parse already collapsed.
                    // Checked before the null-skip below so that a null entry still counts.
                    throw new reflect_error/* FieldError */.b(field, "set multiple times");
                }
                fieldSeen.add(field);
                if (entry.oneofScalarNullSkip && jsonValue === null) {
                    continue;
                }
                if (entry.oneof) {
                    const seen = oneofSeen.get(entry.oneof);
                    if (seen !== undefined) {
                        throw new reflect_error/* FieldError */.b(entry.oneof, `oneof set multiple times by ${seen.name} and ${field.name}`);
                    }
                    oneofSeen.set(entry.oneof, field);
                }
                entry.read(message, jsonValue, ctx);
            }
            else {
                const extension = jsonKey.startsWith("[") && jsonKey.endsWith("]")
                    ? (_a = ctx.registry) === null || _a === void 0 ? void 0 : _a.getExtension(jsonKey.substring(1, jsonKey.length - 1))
                    : undefined;
                if ((extension === null || extension === void 0 ? void 0 : extension.extendee.typeName) == typeName) {
                    const [container, field, get] = (0,extensions/* createExtensionContainer */.z3)(extension);
                    compileFieldReader(field)(container[unsafe/* unsafeLocal */.I4], jsonValue, ctx);
                    (0,extensions/* setExtension */.G6)(message, extension, get());
                }
                if (extension === undefined && !ctx.ignoreUnknownFields) {
                    throw new Error(`cannot decode ${descString} from JSON: key "${jsonKey}" is unknown`);
                }
            }
        }
        ctx.depth--;
    };
    // Register before compiling fields, so that recursive message types
    // resolve to this instance instead of compiling endlessly.
    compiledReaders.set(desc, compiled);
    for (const field of desc.fields) {
        const entry = {
            read: compileFieldReader(field),
            field,
            oneof: field.oneof,
            oneofScalarNullSkip: field.oneof !== undefined && field.fieldKind == "scalar",
        };
        fieldsByJsonKey.set(field.name, entry).set(field.jsonName, entry);
    }
    return compiled;
}
/**
 * Compile a decoder for a well-known type with a custom JSON representation,
 * or return undefined for other messages. The recursion limit is enforced by
 * the caller.
 */
function compileWkt(desc) {
    if (!desc.typeName.startsWith("google.protobuf.")) {
        return undefined;
    }
    switch (desc.typeName) {
        case "google.protobuf.Any":
            return (message, json, ctx) => anyFromJson(message, json, ctx);
        case "google.protobuf.Timestamp":
            return (message, json) => timestampFromJson(message, json);
        case "google.protobuf.Duration":
            return (message, json) => durationFromJson(message, json);
        case "google.protobuf.FieldMask":
            return (message, json) => fieldMaskFromJson(message, json);
        case "google.protobuf.Struct":
            return (message, json, ctx) => structFromJson(message, json, ctx);
        case "google.protobuf.Value":
            return (message, json, ctx) => valueFromJson(message, json, ctx);
        case "google.protobuf.ListValue":
            return (message, json, ctx) => listValueFromJson(message, json, ctx);
        default:
            if ((0,wrappers/* isWrapperDesc */.lU)(desc)) {
                const valueField = desc.fields[0];
                const localName = valueField.localName;
                const scalar = valueField.scalar;
                const longAsString = valueField.longAsString;
                const readScalar = compileScalarConverter(valueField);
                return (message, json) => {
                    if (json === null) {
                        message[localName] = (0,reflect_scalar/* scalarZeroValue */.M7)(scalar, longAsString);
                    }
                    else {
                        message[localName] = readScalar(json);
                    }
                };
            }
            return undefined;
    }
}
function compileFieldReader(field) {
    switch (field.fieldKind) {
        case "scalar":
            return compileScalarFieldReader(field);
        case "enum":
            return compileEnumFieldReader(field);
        case "message":
            return compileMessageFieldReader(field);
        case "list":
            return compileListFieldReader(field);
        case "map":
            return compileMapFieldReader(field);
    }
}
function compileScalarFieldReader(field) {
    const readScalar = compileScalarConverter(field);
    const localName = field.localName;
    if (field.oneof) {
        // JSON null for a oneof scalar member is skipped by the message decoder.
        const oneofLocalName = field.oneof.localName;
        return (message, json) => {
            message[oneofLocalName] = {
                case: localName,
                value: readScalar(json),
            };
        };
    }
    const clear = compileClear(field);
    return (message, json) => {
        if (json === null) {
            clear(message);
        }
        else {
            message[localName] = readScalar(json);
        }
    };
}
/**
 * Compile a function that resets the field to unset, mirroring the clear
 * operation of the reflect API for fields that are not part of a oneof.
 */
function compileClear(field) {
    const localName = field.localName;
    if (field.presence != IMPLICIT) {
        // Fields with explicit presence have properties on the prototype chain
        // for default / zero values (except for proto3). By deleting their own
        // property, the field is reset.
        return (message) => {
            delete message[localName];
        };
    }
    if (field.fieldKind == "enum") {
        const zero = field.enum.values[0].number;
        return (message) => {
            message[localName] = zero;
        };
    }
    const scalar = field.scalar;
    const longAsString = field.longAsString;
    return (message) => {
        message[localName] = (0,reflect_scalar/* scalarZeroValue */.M7)(scalar, longAsString);
    };
}
function compileEnumFieldReader(field) {
    const readEnumValue = compileEnumConverter(field.enum);
    const checkEnum = compileEnumCheck(field.enum);
    const localName = field.localName;
    // Fields with enum google.protobuf.NullValue permit a Protobuf-serializable
    // null; for all other enums, JSON null resets the field.
    const nullResets = field.enum.typeName != "google.protobuf.NullValue";
    if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (message, json, ctx) => {
            if (json === null && nullResets) {
                const oneof = message[oneofLocalName];
                if (oneof.case === localName) {
                    message[oneofLocalName] = { case: undefined };
                }
                return;
            }
            const value = readEnumValue(json, ctx.ignoreUnknownFields);
            if (value === tokenIgnoredUnknownEnum) {
                return;
            }
            const check = checkEnum(value);
            if (check !== true) {
                throw new reflect_error/* FieldError */.b(field, (0,reflect_check/* reasonSingular */.o1)(field, value, check));
            }
            message[oneofLocalName] = { case: localName, value };
        };
    }
    const clear = compileClear(field);
    return (message, json, ctx) => {
        if (json === null && nullResets) {
            clear(message);
            return;
        }
        const value = readEnumValue(json, ctx.ignoreUnknownFields);
        if (value === tokenIgnoredUnknownEnum) {
            return;
        }
        const check = checkEnum(value);
        if (check !== true) {
            throw new reflect_error/* FieldError */.b(field, (0,reflect_check/* reasonSingular */.o1)(field, value, check));
        }
        message[localName] = value;
    };
}
function compileMessageFieldReader(field) {
    const localName = field.localName;
    const { toMessage, toLocal } = (0,message/* localMessageMapper */.IK)(field);
    const readChild = compiledReader(field.message);
    // Fields with message google.protobuf.Value permit a Protobuf-serializable
    // null; for all other messages, JSON null resets the field.
    const nullResets = field.message.typeName != "google.protobuf.Value";
    if (field.oneof) {
        const oneofLocalName = field.oneof.localName;
        return (message, json, ctx) => {
            const oneof = message[oneofLocalName];
            if (json === null && nullResets) {
                if (oneof.case === localName) {
                    message[oneofLocalName] = { case: undefined };
                }
                return;
            }
            const child = toMessage(oneof.case === localName ? oneof.value : undefined);
            readChild(child, json, ctx);
            message[oneofLocalName] = { case: localName, value: toLocal(child) };
        };
    }
    return (message, json, ctx) => {
        if (json === null && nullResets) {
            delete message[localName];
            return;
        }
        const child = toMessage(message[localName]);
        readChild(child, json, ctx);
        message[localName] = toLocal(child);
    };
}
function compileListFieldReader(field) {
    const localName = field.localName;
    const readItem = compileListItemReader(field);
    return (message, json, ctx) => {
        if (json === null) {
            return;
        }
        if (!Array.isArray(json)) {
            throw new reflect_error/* FieldError */.b(field, "expected Array, got " + (0,reflect_check/* formatVal */.$L)(json));
        }
        const items = message[localName];
        for (let i = 0; i < json.length; i++) {
            const value = readItem(json[i], ctx, items.length);
            if (value !== tokenIgnoredUnknownEnum) {
                items.push(value);
            }
        }
    };
}
/**
 * Compile a decoder for a list item. The index is only used in errors, and
 * accounts for previously merged items.
 */
function compileListItemReader(field) {
    switch (field.listKind) {
        case "scalar": {
            const parseScalar = compileScalarParse(field);
            const checkValue = (0,reflect_check/* checkScalarValue */.__)(field.scalar);
            const toLocal = compileScalarToLocal(field);
            return (json, ctx, index) => {
                if (json === null) {
                    throw new reflect_error/* FieldError */.b(field, "list item must not be null");
                }
                const value = parseScalar(json);
                const check = checkValue(value);
                if (check !== true) {
                    throw new reflect_error/* FieldError */.b(field, `list item #${index + 1}: ${(0,reflect_check/* reasonSingular */.o1)(field, value, check)}`);
                }
                return toLocal(value);
            };
        }
        case "enum": {
            const readEnumValue = compileEnumConverter(field.enum);
            const checkEnum = compileEnumCheck(field.enum);
            const nullResets = field.enum.typeName != "google.protobuf.NullValue";
            return (json, ctx, index) => {
                if (json === null && nullResets) {
                    throw new reflect_error/* FieldError */.b(field, "list item must not be null");
                }
                const value = readEnumValue(json, ctx.ignoreUnknownFields);
                if (value === tokenIgnoredUnknownEnum) {
                    return value;
                }
                const check = checkEnum(value);
                if (check !== true) {
                    throw new reflect_error/* FieldError */.b(field, `list item #${index + 1}: ${(0,reflect_check/* reasonSingular */.o1)(field, value, check)}`);
                }
                return value;
            };
        }
        case "message": {
            const { toMessage, toLocal } = (0,message/* localMessageMapper */.IK)(field);
            const readChild = compiledReader(field.message);
            const nullResets = field.message.typeName != "google.protobuf.Value";
            return (json, ctx) => {
                if (json === null && nullResets) {
                    throw new reflect_error/* FieldError */.b(field, "list item must not be null");
                }
                const child = toMessage(undefined);
                readChild(child, json, ctx);
                return toLocal(child);
            };
        }
    }
}
function compileMapFieldReader(field) {
    const localName = field.localName;
    const mapKey = field.mapKey;
    const parseMapKey = compileMapKeyParse(mapKey);
    const checkMapKey = (0,reflect_check/* checkScalarValue */.__)(mapKey);
    let parseValue;
    // Additional validation for scalar and enum values, matching the checks
    // of the reflect API. Message values need no validation.
    let checkValue;
    let toLocalValue = (value) => value;
    // Fields with google.protobuf.Value or google.protobuf.NullValue values
    // permit a Protobuf-serializable null.
    let nullResets = true;
    switch (field.mapKind) {
        case "scalar": {
            parseValue = compileScalarParse(field);
            checkValue = (0,reflect_check/* checkScalarValue */.__)(field.scalar);
            toLocalValue = compileScalarToLocal(field);
            break;
        }
        case "enum": {
            const readEnumValue = compileEnumConverter(field.enum);
            parseValue = (json, ctx) => readEnumValue(json, ctx.ignoreUnknownFields);
            checkValue = compileEnumCheck(field.enum);
            nullResets = field.enum.typeName != "google.protobuf.NullValue";
            break;
        }
        case "message": {
            const { toMessage, toLocal } = (0,message/* localMessageMapper */.IK)(field);
            const readChild = compiledReader(field.message);
            nullResets = field.message.typeName != "google.protobuf.Value";
            parseValue = (json, ctx) => {
                const child = toMessage(undefined);
                readChild(child, json, ctx);
                return toLocal(child);
            };
            break;
        }
    }
    return (message, json, ctx) => {
        if (json === null) {
            return;
        }
        if (typeof json != "object" || Array.isArray(json)) {
            throw new reflect_error/* FieldError */.b(field, "expected object, got " + (0,reflect_check/* formatVal */.$L)(json));
        }
        const record = message[localName];
        const seen = new Set();
        const jsonMapKeys = Object.keys(json);
        for (let i = 0; i < jsonMapKeys.length; i++) {
            const jsonMapKey = jsonMapKeys[i];
            const jsonMapValue = json[jsonMapKey];
            const key = parseMapKey(jsonMapKey);
            if (seen.has(key)) {
                throw new reflect_error/* FieldError */.b(field, `duplicate map key "${jsonMapKey}"`);
            }
            seen.add(key);
            if (jsonMapValue === null && nullResets) {
                throw new reflect_error/* FieldError */.b(field, "map value must not be null");
            }
            const value = parseValue(jsonMapValue, ctx);
            if (value === tokenIgnoredUnknownEnum) {
                continue;
            }
            const checkKey = checkMapKey(key);
            if (checkKey !== true) {
                throw new reflect_error/* FieldError */.b(field, `invalid map key: ${(0,reflect_check/* reasonSingular */.o1)({ scalar: mapKey }, key, checkKey)}`);
            }
            if (checkValue !== undefined) {
                const check = checkValue(value);
                if (check !== true) {
                    throw new reflect_error/* FieldError */.b(field, `map entry ${(0,reflect_check/* formatVal */.$L)(key)}: ${(0,reflect_check/* reasonSingular */.o1)(field, value, check)}`);
                }
            }
            // Map keys may be booleans, numbers, or bigints. Object keys are strings, so
            // they are converted implicitly. setOwn() is needed because a key can be
            // "__proto__".
            (0,unsafe/* setOwn */.P5)(record, key, toLocalValue(value));
        }
    };
}
const tokenIgnoredUnknownEnum = Symbol();
/**
 * Compile a converter from a JSON value to an enum value. JSON null returns
 * the enum's first value. With ignoreUnknownFields false, unknown string
 * values raise an error; with true, they return tokenIgnoredUnknownEnum.
 * The value is not checked against the enum's values, see compileEnumCheck.
 */
function compileEnumConverter(desc) {
    const zero = desc.values[0].number;
    // Protobuf compilers reject a custom JSON name that equals the Protobuf name
    // of another value. As a fallback, the Protobuf name takes precedence, so we
    // add Protobuf names last.
    const numbers = new Map();
    for (const value of desc.values) {
        numbers.set(value.jsonName, value.number);
    }
    for (const value of desc.values) {
        numbers.set(value.name, value.number);
    }
    return (json, ignoreUnknownFields) => {
        if (json === null) {
            return zero;
        }
        switch (typeof json) {
            case "number":
                if (Number.isInteger(json)) {
                    return json;
                }
                break;
            case "string": {
                const number = numbers.get(json);
                if (number !== undefined) {
                    return number;
                }
                if (ignoreUnknownFields) {
                    return tokenIgnoredUnknownEnum;
                }
                break;
            }
        }
        throw new Error(`cannot decode ${desc} from JSON: ${(0,reflect_check/* formatVal */.$L)(json)}`);
    };
}
/**
 * Compile the check that the reflect API performs for enum values: open
 * enums accept any int32 value, closed enums accept only declared values.
 */
function compileEnumCheck(desc) {
    if (desc.open) {
        return (0,reflect_check/* checkScalarValue */.__)(descriptors/* ScalarType */.L.INT32);
    }
    const values = desc.values;
    return (value) => values.some((v) => v.number === value);
}
/**
 * Compile a converter from a JSON value to the local representation of a
 * scalar, fusing JSON parsing, the validation of the reflect API, and the
 * conversion to the local 64-bit integer representation.
 */
function compileScalarConverter(field) {
    const parseScalar = compileScalarParse(field);
    const checkValue = (0,reflect_check/* checkScalarValue */.__)(field.scalar);
    const toLocal = compileScalarToLocal(field);
    return (json) => {
        const value = parseScalar(json);
        const check = checkValue(value);
        if (check !== true) {
            throw new reflect_error/* FieldError */.b(field, (0,reflect_check/* reasonSingular */.o1)(field, value, check));
        }
        return toLocal(value);
    };
}
/**
 * Compile the JSON-specific parsing step for a scalar value: the special
 * string values of float and double, string-encoded numbers, and base64
 * bytes. Returns the input unchanged if the JSON value cannot be converted;
 * the validation step raises an error for it.
 */
function compileScalarParse(field) {
    switch (field.scalar) {
        // float, double: JSON value will be a number or one of the special string values "NaN", "Infinity", and "-Infinity".
        // Either numbers or strings are accepted. Exponent notation is also accepted.
        case descriptors/* ScalarType */.L.DOUBLE:
        case descriptors/* ScalarType */.L.FLOAT:
            return (json) => {
                if (json === "NaN")
                    return NaN;
                if (json === "Infinity")
                    return Number.POSITIVE_INFINITY;
                if (json === "-Infinity")
                    return Number.NEGATIVE_INFINITY;
                if (typeof json == "number") {
                    if (Number.isNaN(json)) {
                        // NaN must be encoded with string constants
                        throw new reflect_error/* FieldError */.b(field, "unexpected NaN number");
                    }
                    if (!Number.isFinite(json)) {
                        // Infinity must be encoded with string constants
                        throw new reflect_error/* FieldError */.b(field, "unexpected infinite number");
                    }
                    return json;
                }
                if (typeof json == "string") {
                    if (json === "") {
                        // empty string is not a number
                        return json;
                    }
                    if (json.trim().length !== json.length) {
                        // extra whitespace
                        return json;
                    }
                    const float = Number(json);
                    if (!Number.isFinite(float)) {
                        // Infinity and NaN must be encoded with string constants
                        return json;
                    }
                    return float;
                }
                return json;
            };
        // int32, fixed32, uint32: JSON value will be a decimal number. Either numbers or strings are accepted.
        case descriptors/* ScalarType */.L.INT32:
        case descriptors/* ScalarType */.L.FIXED32:
        case descriptors/* ScalarType */.L.SFIXED32:
        case descriptors/* ScalarType */.L.SINT32:
        case descriptors/* ScalarType */.L.UINT32:
            return int32FromJson;
        // bytes: JSON value will be the data encoded as a string using standard base64 encoding with paddings.
        // Either standard or URL-safe base64 encoding with/without paddings are accepted.
        case descriptors/* ScalarType */.L.BYTES:
            return (json) => {
                if (typeof json == "string") {
                    if (json === "") {
                        return new Uint8Array(0);
                    }
                    try {
                        return (0,base64_encoding/* base64Decode */.u)(json);
                    }
                    catch (e) {
                        const message = e instanceof Error ? e.message : String(e);
                        throw new reflect_error/* FieldError */.b(field, message);
                    }
                }
                return json;
            };
        // int64, sfixed64, sint64, fixed64, uint64: The validation step accepts
        // string and number. string, bool: no conversion.
        default:
            return (json) => json;
    }
}
/**
 * Compile the conversion of a validated scalar value to its local
 * representation: 64-bit integers become bigint, or string with the
 * longAsString option.
 */
function compileScalarToLocal(field) {
    const longAsString = field.fieldKind !== "map" && field.longAsString;
    switch (field.scalar) {
        case descriptors/* ScalarType */.L.INT64:
        case descriptors/* ScalarType */.L.SFIXED64:
        case descriptors/* ScalarType */.L.SINT64:
            if (longAsString) {
                return (value) => String(value);
            }
            return (value) => typeof value == "string" || typeof value == "number"
                ? proto_int64/* protoInt64 */.M.parse(value)
                : value;
        case descriptors/* ScalarType */.L.FIXED64:
        case descriptors/* ScalarType */.L.UINT64:
            if (longAsString) {
                return (value) => String(value);
            }
            return (value) => typeof value == "string" || typeof value == "number"
                ? proto_int64/* protoInt64 */.M.uParse(value)
                : value;
        default:
            return (value) => value;
    }
}
/**
 * Return a parser from a JSON value to a map key for the given key type.
 * Canonicalizes 64-bit integers given as string, so that "01" and "1" are
 * one key, and duplicates can raise an error.
 * The parser returns the input if the JSON value cannot be converted.
 */
function compileMapKeyParse(type) {
    switch (type) {
        case descriptors/* ScalarType */.L.BOOL:
            return (jsonString) => {
                switch (jsonString) {
                    case "true":
                        return true;
                    case "false":
                        return false;
                }
                return jsonString;
            };
        case descriptors/* ScalarType */.L.INT32:
        case descriptors/* ScalarType */.L.FIXED32:
        case descriptors/* ScalarType */.L.UINT32:
        case descriptors/* ScalarType */.L.SFIXED32:
        case descriptors/* ScalarType */.L.SINT32:
            return int32FromJson;
        case descriptors/* ScalarType */.L.INT64:
        case descriptors/* ScalarType */.L.SINT64:
        case descriptors/* ScalarType */.L.SFIXED64:
        case descriptors/* ScalarType */.L.UINT64:
        case descriptors/* ScalarType */.L.FIXED64:
            return (jsonString) => /^-?0+$/.test(jsonString)
                ? "0"
                : jsonString.replace(/^(-?)0+(?=\d)/, "$1");
        default:
            // ScalarType.STRING
            return (jsonString) => jsonString;
    }
}
/**
 * Try to parse a JSON value to a 32-bit integer for the reflect API.
 *
 * Returns the input if the JSON value cannot be converted.
 */
function int32FromJson(json) {
    if (typeof json == "string") {
        if (json === "") {
            // empty string is not a number
            return json;
        }
        if (json.trim().length !== json.length) {
            // extra whitespace
            return json;
        }
        const num = Number(json);
        if (Number.isNaN(num)) {
            // not a number
            return json;
        }
        return num;
    }
    return json;
}
/**
 * Parse a JSON string, rejecting duplicate object keys (which JSON.parse would
 * otherwise silently merge).
 */
function parseJsonString(jsonString, typeName) {
    let json;
    try {
        json = JSON.parse(jsonString);
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        throw new Error(`cannot decode message ${typeName} from JSON: ${message}`, 
        // @ts-expect-error we use the ES2022 error CTOR option "cause" for better stack traces
        { cause: e });
    }
    checkDuplicateKeys(jsonString, typeName);
    return json;
}
/**
 * Scan a JSON string for duplicate object member names at any depth, throwing
 * if any are found. JSON.parse() silently keeps the last of duplicate keys, so
 * this raw-string scan is the only way to reject them. It must only be called
 * with a string that JSON.parse() has already accepted, so it can assume the
 * input is well-formed.
 */
function checkDuplicateKeys(jsonString, typeName) {
    // One Set of seen member names for each open object; arrays push null.
    const stack = [];
    // Whether the next string token is an object member name.
    let expectKey = false;
    let i = 0;
    while (i < jsonString.length) {
        switch (jsonString[i]) {
            case "{":
                stack.push(new Set());
                expectKey = true;
                i++;
                break;
            case "[":
                stack.push(null);
                expectKey = false;
                i++;
                break;
            case "}":
            case "]":
                stack.pop();
                expectKey = false;
                i++;
                break;
            case ",":
                expectKey = stack[stack.length - 1] != null;
                i++;
                break;
            case ":":
                expectKey = false;
                i++;
                break;
            case '"': {
                const open = i++;
                let escaped = false;
                while (i < jsonString.length) {
                    if (jsonString[i] == "\\") {
                        escaped = true;
                        i += 2; // skip the backslash and the character it escapes
                        continue;
                    }
                    if (jsonString[i] == '"') {
                        break;
                    }
                    i++;
                }
                const close = i++;
                const seen = stack[stack.length - 1];
                if (expectKey && seen) {
                    // Decode escapes (rare) so that, for example, a key written with a
                    // unicode escape collides with the same key written literally.
                    const name = escaped
                        ? JSON.parse(jsonString.substring(open, close + 1))
                        : jsonString.substring(open + 1, close);
                    if (seen.has(name)) {
                        throw new Error(`cannot decode message ${typeName} from JSON: duplicate object key "${name}"`);
                    }
                    seen.add(name);
                }
                expectKey = false;
                break;
            }
            default:
                i++;
                break;
        }
    }
}
function anyFromJson(any, json, ctx) {
    var _a;
    if (json === null || Array.isArray(json) || typeof json != "object") {
        throw new Error(`cannot decode message ${any.$typeName} from JSON: expected object but got ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    if (Object.keys(json).length == 0) {
        return;
    }
    const typeUrl = json["@type"];
    if (typeof typeUrl != "string" || typeUrl == "") {
        throw new Error(`cannot decode message ${any.$typeName} from JSON: "@type" is empty`);
    }
    const typeName = typeUrl.includes("/")
        ? typeUrl.substring(typeUrl.lastIndexOf("/") + 1)
        : typeUrl;
    if (!typeName.length) {
        throw new Error(`cannot decode message ${any.$typeName} from JSON: "@type" is invalid`);
    }
    const desc = (_a = ctx.registry) === null || _a === void 0 ? void 0 : _a.getMessage(typeName);
    if (!desc) {
        throw new Error(`cannot decode message ${any.$typeName} from JSON: ${typeUrl} is not in the type registry`);
    }
    const message = (0,create/* create */.v)(desc);
    if ((0,wrappers/* hasCustomJsonRepresentation */.vi)(desc) &&
        Object.prototype.hasOwnProperty.call(json, "value")) {
        compiledReader(desc)(message, json.value, ctx);
    }
    else {
        const copy = {};
        for (const key of Object.keys(json)) {
            if (key !== "@type") {
                (0,unsafe/* setOwn */.P5)(copy, key, json[key]);
            }
        }
        compiledReader(desc)(message, copy, ctx);
    }
    (0,wkt_any/* anyPack */.G0)(desc, message, any);
}
function timestampFromJson(timestamp, json) {
    if (typeof json !== "string") {
        throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    const matches = json.match(/^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(?:Z|([+-][0-9][0-9]:[0-9][0-9]))$/);
    if (!matches) {
        throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: invalid RFC 3339 string`);
    }
    const ms = Date.parse(
    // biome-ignore format: want this to read well
    matches[1] + "-" + matches[2] + "-" + matches[3] + "T" + matches[4] + ":" + matches[5] + ":" + matches[6] + (matches[8] ? matches[8] : "Z"));
    if (Number.isNaN(ms)) {
        throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: invalid RFC 3339 string`);
    }
    if (ms < wkt_json/* timestampMsMin */.zf || ms > wkt_json/* timestampMsMax */.dX) {
        throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z inclusive`);
    }
    timestamp.seconds = proto_int64/* protoInt64 */.M.parse(ms / 1000);
    timestamp.nanos = 0;
    if (matches[7]) {
        timestamp.nanos =
            parseInt("1" + matches[7] + "0".repeat(9 - matches[7].length)) -
                1000000000;
    }
}
function durationFromJson(duration, json) {
    if (typeof json !== "string") {
        throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    const match = json.match(/^(-?[0-9]+)(?:\.([0-9]+))?s/);
    if (match === null) {
        throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    const longSeconds = Number(match[1]);
    if (longSeconds > wkt_json/* durationSecondsMax */.Uf || longSeconds < wkt_json/* durationSecondsMin */.YG) {
        throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    duration.seconds = proto_int64/* protoInt64 */.M.parse(longSeconds);
    if (typeof match[2] !== "string") {
        return;
    }
    const nanosStr = match[2] + "0".repeat(9 - match[2].length);
    duration.nanos = parseInt(nanosStr);
    if (longSeconds < 0 || Object.is(longSeconds, -0)) {
        duration.nanos = -duration.nanos;
    }
}
function fieldMaskFromJson(fieldMask, json) {
    if (typeof json !== "string") {
        throw new Error(`cannot decode message ${fieldMask.$typeName} from JSON: ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    if (json === "") {
        return;
    }
    fieldMask.paths = json.split(",").map((path) => {
        if (path.includes("_")) {
            throw new Error(`cannot decode message ${fieldMask.$typeName} from JSON: path names must be lowerCamelCase`);
        }
        return (0,names/* protoSnakeCase */.t5)(path);
    });
}
function structFromJson(struct, json, ctx) {
    if (typeof json != "object" || json == null || Array.isArray(json)) {
        throw new Error(`cannot decode message ${struct.$typeName} from JSON ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    const keys = Object.keys(json);
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const parsedValue = (0,create/* create */.v)(struct_pb/* ValueSchema */.Pb);
        valueFromJson(parsedValue, json[key], ctx);
        (0,unsafe/* setOwn */.P5)(struct.fields, key, parsedValue);
    }
}
function valueFromJson(value, json, ctx) {
    if (++ctx.depth > ctx.recursionLimit) {
        throw new Error(`cannot decode ${value.$typeName} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
    }
    switch (typeof json) {
        case "number":
            value.kind = { case: "numberValue", value: json };
            break;
        case "string":
            value.kind = { case: "stringValue", value: json };
            break;
        case "boolean":
            value.kind = { case: "boolValue", value: json };
            break;
        case "object":
            if (json === null) {
                value.kind = { case: "nullValue", value: struct_pb/* NullValue */.Xz.NULL_VALUE };
            }
            else if (Array.isArray(json)) {
                const listValue = (0,create/* create */.v)(struct_pb/* ListValueSchema */.$5);
                listValueFromJson(listValue, json, ctx);
                value.kind = { case: "listValue", value: listValue };
            }
            else {
                const struct = (0,create/* create */.v)(struct_pb/* StructSchema */.fI);
                structFromJson(struct, json, ctx);
                value.kind = { case: "structValue", value: struct };
            }
            break;
        default:
            throw new Error(`cannot decode message ${value.$typeName} from JSON ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    ctx.depth--;
    return value;
}
function listValueFromJson(listValue, json, ctx) {
    if (!Array.isArray(json)) {
        throw new Error(`cannot decode message ${listValue.$typeName} from JSON ${(0,reflect_check/* formatVal */.$L)(json)}`);
    }
    for (let i = 0; i < json.length; i++) {
        const value = (0,create/* create */.v)(struct_pb/* ValueSchema */.Pb);
        valueFromJson(value, json[i], ctx);
        listValue.values.push(value);
    }
}

// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/is-message.js
var is_message = __webpack_require__(6731);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/to-json.js
var to_json = __webpack_require__(8619);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/timestamp.js
// Copyright 2021-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.



/**
 * Create a google.protobuf.Timestamp for the current time.
 */
function timestampNow() {
    return timestampFromDate(new Date());
}
/**
 * Create a google.protobuf.Timestamp message from an ECMAScript Date.
 */
function timestampFromDate(date) {
    return timestampFromMs(date.getTime());
}
/**
 * Convert a google.protobuf.Timestamp message to an ECMAScript Date.
 */
function timestampDate(timestamp) {
    return new Date(timestampMs(timestamp));
}
/**
 * Create a google.protobuf.Timestamp message from a Unix timestamp in milliseconds.
 */
function timestampFromMs(timestampMs) {
    const seconds = Math.floor(timestampMs / 1000);
    return (0,create/* create */.v)(timestamp_pb/* TimestampSchema */.w, {
        seconds: proto_int64/* protoInt64 */.M.parse(seconds),
        nanos: (timestampMs - seconds * 1000) * 1000000,
    });
}
/**
 * Convert a google.protobuf.Timestamp to a Unix timestamp in milliseconds.
 */
function timestampMs(timestamp) {
    return (Number(timestamp.seconds) * 1000 + Math.round(timestamp.nanos / 1000000));
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/gen/dev/cel/expr/operator_const.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
// This file is generated by buf-yaml. DO NOT EDIT.
// generated from: proto/dev/cel/expr/operator.const.yaml
// TODO convert to enum
// Also see https://github.com/bufbuild/cel-es/blob/main/packages/cel/proto/dev/cel/expr/operator.const.yaml
const ADD = "_+_";
const ALL = "all";
const CONDITIONAL = "_?_:_";
const DIVIDE = "_/_";
const EQUALS = "_==_";
const EXISTS = "exists";
const EXISTS_ONE = "exists_one";
const FILTER = "filter";
const GREATER = "_>_";
const GREATER_EQUALS = "_>=_";
const HAS = "has";
const IN = "@in";
const INDEX = "_[_]";
const LESS = "_<_";
const LESS_EQUALS = "_<=_";
const LOGICAL_AND = "_&&_";
const LOGICAL_NOT = "!_";
const LOGICAL_OR = "_||_";
const MAP = "map";
const MODULO = "_%_";
const MULTIPLY = "_*_";
const NEGATE = "-_";
const NOT_EQUALS = "_!=_";
const NOT_STRICTLY_FALSE = "@not_strictly_false";
const OLD_IN = "_in_";
const OLD_NOT_STRICTLY_FALSE = "__not_strictly_false__";
const OPT_INDEX = "_[?_]";
const OPT_SELECT = "_?._";
const SUBTRACT = "_-_";

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/duration.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.


const ONE_SECOND = 1000000000n;
const MAX_DURATION_NANOS = 9223372036854775807n;
const MIN_DURATION_NANOS = -9223372036854775808n;
/**
 * Create a new Duration, canonicalizing the representation
 */
function createDuration(seconds = 0n, ns = 0n) {
    // resolves differing signs
    const fullNanos = seconds * ONE_SECOND + BigInt(ns);
    // `fullNanos` must fit in a 64-bit signed integer per the spec
    if (fullNanos > MAX_DURATION_NANOS || fullNanos < MIN_DURATION_NANOS) {
        throw new Error("duration out of range");
    }
    return (0,create/* create */.v)(duration_pb/* DurationSchema */.u, {
        seconds: fullNanos / ONE_SECOND,
        nanos: Number(fullNanos % ONE_SECOND), // preserves sign
    });
}
// Not in the spec, but for safety, we want to make sure this is not insane.
const DURATION_STRING_LENGTH_LIMIT = 128;
const UNITS = Object.freeze({
    ns: 1n,
    us: 1000n,
    \u00b5s: 1000n,
    ms: 1000n * 1000n,
    s: 1000n * 1000n * 1000n,
    m: 1000n * 1000n * 1000n * 60n,
    h: 1000n * 1000n * 1000n * 60n * 60n,
});
const INT_REGEXP = /^\d+/;
const UNIT_REGEXP = new RegExp(`^(${Object.keys(UNITS).join("|")})`);
/**
 * Parses a CEL duration string.
 *
 * A duration string is a possibly signed sequence of
 * decimal numbers, each with optional fraction and a unit suffix,
 * such as "300ms", "-1.5h" or "2h45m".
 * Valid time units are "ns", "us" (or "\u00b5s"), "ms", "s", "m", "h".
 */
function parseDuration(str) {
    if (str.length > DURATION_STRING_LENGTH_LIMIT) {
        throw badDurationStr(`duration string exceeds ${DURATION_STRING_LENGTH_LIMIT} characters`);
    }
    // handle unitless-zero (which might have a sign)
    if (/^[-+]?0$/.test(str))
        return createDuration();
    // extract the sign
    const [sign, values] = /^[+-]/.test(str)
        ? [str[0] === "+" ? 1n : -1n, str.slice(1)]
        : [1n, str];
    let fullNanos = 0n;
    let remainder = values;
    while (remainder.length > 0) {
        // consume integer part
        const int = INT_REGEXP.exec(remainder)?.[0];
        remainder = remainder.slice(int?.length ?? 0);
        // if it exists, consume decimal point
        if (remainder[0] === ".")
            remainder = remainder.slice(1);
        // consume fractional part \u2014 if we didn't consume a decimal point, this will
        // not consume anything, since all digits will have already been consumed
        const fraction = INT_REGEXP.exec(remainder)?.[0];
        remainder = remainder.slice(fraction?.length ?? 0);
        // consume unit
        const unit = UNIT_REGEXP.exec(remainder)?.[0];
        remainder = remainder.slice(unit?.length ?? 0);
        // we must get a unit and either an integer part or fractional part
        if ((int ?? fraction) === undefined || unit === undefined) {
            throw badDurationStr("invalid syntax");
        }
        const factor = UNITS[unit];
        fullNanos += BigInt(int ?? 0) * factor;
        fullNanos +=
            (BigInt(fraction ?? 0) * factor) / 10n ** BigInt(fraction?.length ?? 0);
    }
    return createDuration(0n, sign * fullNanos);
}
function badDurationStr(e) {
    return new Error(`Failed to parse duration: ${e}`);
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/timestamp.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.


const MAX_TIMESTAMP_SECONDS = 253402300799n;
const MIN_TIMESTAMP_SECONDS = -62135596800n;
const timestamp_ONE_SECOND = 1000000000n;
/**
 * Create a new Timestamp, canonicalizing the representation
 */
function createTimestamp(s = 0n, ns = 0n) {
    // fully express timestamp in nanoseconds
    const fullNanos = s * timestamp_ONE_SECOND + BigInt(ns);
    // would `nanos` end up non-zero negative?
    const shift = fullNanos % timestamp_ONE_SECOND < 0n ? 1n : 0n;
    // if so, subtract a second when computing `seconds`...
    const seconds = fullNanos / timestamp_ONE_SECOND - shift;
    /// ...and add a second when computing `nanos`, so it will be positive
    const nanos = Number((fullNanos % timestamp_ONE_SECOND) + shift * timestamp_ONE_SECOND);
    // refer to https://buf.build/protocolbuffers/wellknowntypes/file/main:google/protobuf/timestamp.proto
    if (seconds > MAX_TIMESTAMP_SECONDS || seconds < MIN_TIMESTAMP_SECONDS) {
        throw new Error("timestamp out of range");
    }
    return (0,create/* create */.v)(timestamp_pb/* TimestampSchema */.w, { seconds, nanos });
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/std/math.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.








const MAX_INT = 9223372036854775807n;
const MIN_INT = -9223372036854775808n;
const MAX_UINT = 18446744073709551615n;
function safeInt(value, op = "type conversion") {
    const numeric = typeof value === "string" ? BigInt(value) : value;
    if (typeof numeric === "bigint") {
        if (numeric >= MIN_INT && numeric <= MAX_INT) {
            return numeric;
        }
    }
    else if (Number.isFinite(numeric)) {
        // We have to handle doubles separately because BigInt() does not honor the
        // IEEE753 interpretation of the double approximation of MIN_INT and MIN_INT
        if (numeric > Number(MIN_INT) && numeric < Number(MAX_INT)) {
            return BigInt(Math.trunc(numeric));
        }
    }
    throw (0,error/* celError */.$U)(`int overflow during ${op}`);
}
function safeUint(value, op = "type conversion") {
    const numeric = typeof value === "string" ? BigInt(value) : value;
    if (typeof numeric === "bigint" || Number.isFinite(numeric)) {
        const int = typeof numeric === "number" ? BigInt(Math.trunc(numeric)) : numeric;
        // Note we test the non-truncated value against 0.
        if (numeric >= 0 && int <= MAX_UINT) {
            return (0,uint/* celUint */.f)(int);
        }
    }
    throw (0,error/* celError */.$U)(`uint overflow during ${op}`);
}
function bytesConcat(l, r) {
    const val = new Uint8Array(l.length + r.length);
    val.set(l);
    val.set(r, l.length);
    return val;
}
function timestampSum(l, r) {
    return createTimestamp(l.message.seconds + r.message.seconds, l.message.nanos + r.message.nanos);
}
function durationSum(l, r) {
    return createDuration(l.message.seconds + r.message.seconds, l.message.nanos + r.message.nanos);
}
function durationDifference(l, r) {
    return createDuration(l.message.seconds - r.message.seconds, l.message.nanos - r.message.nanos);
}
function timestampDifference(l, r) {
    return createTimestamp(l.message.seconds - r.message.seconds, l.message.nanos - r.message.nanos);
}
function safeDivide(type, l, r) {
    if (r === 0n)
        throw (0,error/* celError */.$U)(`${type.name} divide by zero`);
    // overflow possible if l = -9223372036854775808n, r = -1n
    return safeInt(l / r, `divide by ${r}`);
}
function safeModulo(type, l, r) {
    if (r === 0n)
        throw (0,error/* celError */.$U)(`${type.name} modulus by zero`);
    return l % r;
}
const LIST = (0,type/* listType */.Vc)(type/* CelScalar */.ZR.DYN);
const { BYTES, DOUBLE, INT, STRING, UINT } = type/* CelScalar */.ZR;
// biome-ignore format: table
/* harmony default export */ const math = ([
    (0,esm_func/* celFunc */.V)(ADD, [INT, INT], INT, (l, r) => safeInt(l + r, ADD)),
    (0,esm_func/* celFunc */.V)(ADD, [UINT, UINT], UINT, (l, r) => safeUint(l.value + r.value, ADD)),
    (0,esm_func/* celFunc */.V)(ADD, [DOUBLE, DOUBLE], DOUBLE, (l, r) => l + r),
    (0,esm_func/* celFunc */.V)(ADD, [type/* DURATION */.ft, type/* DURATION */.ft], type/* DURATION */.ft, durationSum),
    (0,esm_func/* celFunc */.V)(ADD, [type/* TIMESTAMP */.ht, type/* DURATION */.ft], type/* TIMESTAMP */.ht, timestampSum),
    (0,esm_func/* celFunc */.V)(ADD, [type/* DURATION */.ft, type/* TIMESTAMP */.ht], type/* TIMESTAMP */.ht, timestampSum),
    (0,esm_func/* celFunc */.V)(ADD, [STRING, STRING], STRING, (l, r) => l + r),
    (0,esm_func/* celFunc */.V)(ADD, [BYTES, BYTES], BYTES, bytesConcat),
    (0,esm_func/* celFunc */.V)(ADD, [LIST, LIST], LIST, esm_list/* celListConcat */.fc),
    (0,esm_func/* celFunc */.V)(SUBTRACT, [INT, INT], INT, (l, r) => safeInt(l - r, SUBTRACT)),
    (0,esm_func/* celFunc */.V)(SUBTRACT, [UINT, UINT], UINT, (l, r) => safeUint(l.value - r.value, SUBTRACT)),
    (0,esm_func/* celFunc */.V)(SUBTRACT, [DOUBLE, DOUBLE], DOUBLE, (l, r) => l - r),
    (0,esm_func/* celFunc */.V)(SUBTRACT, [type/* TIMESTAMP */.ht, type/* TIMESTAMP */.ht], type/* DURATION */.ft, durationDifference),
    (0,esm_func/* celFunc */.V)(SUBTRACT, [type/* DURATION */.ft, type/* DURATION */.ft], type/* DURATION */.ft, durationDifference),
    (0,esm_func/* celFunc */.V)(SUBTRACT, [type/* TIMESTAMP */.ht, type/* DURATION */.ft], type/* TIMESTAMP */.ht, timestampDifference),
    (0,esm_func/* celFunc */.V)(MULTIPLY, [INT, INT], INT, (l, r) => safeInt(l * r, MULTIPLY)),
    (0,esm_func/* celFunc */.V)(MULTIPLY, [UINT, UINT], UINT, (l, r) => safeUint(l.value * r.value, MULTIPLY)),
    (0,esm_func/* celFunc */.V)(MULTIPLY, [DOUBLE, DOUBLE], DOUBLE, (l, r) => l * r),
    (0,esm_func/* celFunc */.V)(DIVIDE, [INT, INT], INT, (l, r) => safeDivide(INT, l, r)),
    (0,esm_func/* celFunc */.V)(DIVIDE, [UINT, UINT], UINT, (l, r) => (0,uint/* celUint */.f)(safeDivide(UINT, l.value, r.value))),
    (0,esm_func/* celFunc */.V)(DIVIDE, [DOUBLE, DOUBLE], DOUBLE, (l, r) => l / r),
    (0,esm_func/* celFunc */.V)(MODULO, [INT, INT], INT, (l, r) => safeModulo(INT, l, r)),
    (0,esm_func/* celFunc */.V)(MODULO, [UINT, UINT], UINT, (l, r) => (0,uint/* celUint */.f)(safeModulo(UINT, l.value, r.value))),
    (0,esm_func/* celFunc */.V)(NEGATE, [INT], INT, (x) => safeInt(-x)),
    (0,esm_func/* celFunc */.V)(NEGATE, [DOUBLE], DOUBLE, (x) => -x),
]);

// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/eval.js
var esm_eval = __webpack_require__(6278);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/std/cast.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.







const encoder = new TextEncoder();
const decoder = new TextDecoder(undefined, { fatal: true });
function stringToBool(x) {
    switch (x) {
        case "true":
        case "True":
        case "TRUE":
        case "t":
        case "1":
            return true;
        case "false":
        case "False":
        case "FALSE":
        case "f":
        case "0":
            return false;
    }
    throw new Error(`Unable to convert string '${x}' to bool`);
}
function bytesToString(x) {
    try {
        return decoder.decode(x);
    }
    catch (e) {
        throw new Error(`Failed to decode bytes as string: ${e}`);
    }
}
function stringToTimestamp(x) {
    try {
        return fromJson(timestamp_pb/* TimestampSchema */.w, x);
    }
    catch (e) {
        throw new Error(`Failed to parse timestamp: ${e}`);
    }
}
function toType(x) {
    if ((0,is_message/* isMessage */.K)(x)) {
        return (0,type/* objectType */.ge)((0,esm_eval/* getMsgDesc */.rd)(x.$typeName));
    }
    return (0,type/* celType */.zO)(x);
}
function identity(x) {
    return x;
}
const { BOOL, BYTES: cast_BYTES, DOUBLE: cast_DOUBLE, DYN, INT: cast_INT, STRING: cast_STRING, TYPE, UINT: cast_UINT } = type/* CelScalar */.ZR;
// biome-ignore format: table
/* harmony default export */ const cast = ([
    // Int
    (0,esm_func/* celFunc */.V)("int", [cast_INT], cast_INT, identity),
    (0,esm_func/* celFunc */.V)("int", [cast_UINT], cast_INT, (x) => safeInt(x.value)),
    (0,esm_func/* celFunc */.V)("int", [cast_DOUBLE], cast_INT, safeInt),
    (0,esm_func/* celFunc */.V)("int", [cast_STRING], cast_INT, safeInt),
    (0,esm_func/* celFunc */.V)("int", [type/* TIMESTAMP */.ht], cast_INT, (x) => safeInt(x.message.seconds)),
    (0,esm_func/* celFunc */.V)("int", [type/* DURATION */.ft], cast_INT, (x) => safeInt(x.message.seconds)),
    // Uint
    (0,esm_func/* celFunc */.V)("uint", [cast_UINT], cast_UINT, identity),
    (0,esm_func/* celFunc */.V)("uint", [cast_INT], cast_UINT, safeUint),
    (0,esm_func/* celFunc */.V)("uint", [cast_DOUBLE], cast_UINT, safeUint),
    (0,esm_func/* celFunc */.V)("uint", [cast_STRING], cast_UINT, safeUint),
    // Double
    (0,esm_func/* celFunc */.V)("double", [cast_DOUBLE], cast_DOUBLE, identity),
    (0,esm_func/* celFunc */.V)("double", [cast_INT], cast_DOUBLE, (x) => Number(x)),
    (0,esm_func/* celFunc */.V)("double", [cast_UINT], cast_DOUBLE, (x) => Number(x.value)),
    (0,esm_func/* celFunc */.V)("double", [cast_STRING], cast_DOUBLE, (x) => Number(x)),
    // Bool
    (0,esm_func/* celFunc */.V)("bool", [BOOL], BOOL, identity),
    (0,esm_func/* celFunc */.V)("bool", [cast_STRING], BOOL, stringToBool),
    // Bytes
    (0,esm_func/* celFunc */.V)("bytes", [cast_BYTES], cast_BYTES, identity),
    (0,esm_func/* celFunc */.V)("bytes", [cast_STRING], cast_BYTES, (x) => encoder.encode(x)),
    // String
    (0,esm_func/* celFunc */.V)("string", [cast_STRING], cast_STRING, identity),
    (0,esm_func/* celFunc */.V)("string", [BOOL], cast_STRING, (x) => x.toString()),
    (0,esm_func/* celFunc */.V)("string", [cast_INT], cast_STRING, (x) => x.toString()),
    (0,esm_func/* celFunc */.V)("string", [cast_UINT], cast_STRING, (x) => x.value.toString()),
    (0,esm_func/* celFunc */.V)("string", [cast_DOUBLE], cast_STRING, (x) => x.toString()),
    (0,esm_func/* celFunc */.V)("string", [cast_BYTES], cast_STRING, bytesToString),
    (0,esm_func/* celFunc */.V)("string", [type/* TIMESTAMP */.ht], cast_STRING, (x) => (0,to_json/* toJson */.aB)(timestamp_pb/* TimestampSchema */.w, x.message)),
    (0,esm_func/* celFunc */.V)("string", [type/* DURATION */.ft], cast_STRING, (x) => (0,to_json/* toJson */.aB)(duration_pb/* DurationSchema */.u, x.message)),
    // Timestamp
    (0,esm_func/* celFunc */.V)("timestamp", [type/* TIMESTAMP */.ht], type/* TIMESTAMP */.ht, identity),
    (0,esm_func/* celFunc */.V)("timestamp", [cast_STRING], type/* TIMESTAMP */.ht, stringToTimestamp),
    (0,esm_func/* celFunc */.V)("timestamp", [cast_INT], type/* TIMESTAMP */.ht, (x) => timestampFromMs(Number(x))),
    // Duration
    (0,esm_func/* celFunc */.V)("duration", [type/* DURATION */.ft], type/* DURATION */.ft, identity),
    (0,esm_func/* celFunc */.V)("duration", [cast_STRING], type/* DURATION */.ft, parseDuration),
    (0,esm_func/* celFunc */.V)("duration", [cast_INT], type/* DURATION */.ft, (x) => (0,create/* create */.v)(duration_pb/* DurationSchema */.u, { seconds: x })),
    // Misc
    (0,esm_func/* celFunc */.V)("type", [DYN], TYPE, toType),
    (0,esm_func/* celFunc */.V)("dyn", [DYN], DYN, identity),
]);

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/gen/dev/cel/expr/overload_const.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
// This file is generated by buf-yaml. DO NOT EDIT.
// generated from: proto/dev/cel/expr/overload.const.yaml
// TODO convert to enum
// Also see https://github.com/bufbuild/cel-es/blob/main/packages/cel/proto/dev/cel/expr/operator.const.yaml
const ADD_BYTES = "add_bytes";
const ADD_DOUBLE = "add_double";
const ADD_DURATION_DURATION = "add_duration_duration";
const ADD_DURATION_TIMESTAMP = "add_duration_timestamp";
const ADD_INT64 = "add_int64";
const ADD_LIST = "add_list";
const ADD_STRING = "add_string";
const ADD_TIMESTAMP_DURATION = "add_timestamp_duration";
const ADD_UINT64 = "add_uint64";
const BOOL_TO_BOOL = "bool_to_bool";
const BOOL_TO_STRING = "bool_to_string";
const BYTES_TO_BYTES = "bytes_to_bytes";
const BYTES_TO_STRING = "bytes_to_string";
const overload_const_CONDITIONAL = "conditional";
const CONTAINS = "contains";
const CONTAINS_STRING = "contains_string";
const DEPRECATED_IN = "in";
const DIVIDE_DOUBLE = "divide_double";
const DIVIDE_INT64 = "divide_int64";
const DIVIDE_UINT64 = "divide_uint64";
const DOUBLE_TO_DOUBLE = "double_to_double";
const DOUBLE_TO_INT = "double_to_int64";
const DOUBLE_TO_STRING = "double_to_string";
const DOUBLE_TO_UINT = "double_to_uint64";
const DURATION_TO_DURATION = "duration_to_duration";
const DURATION_TO_HOURS = "duration_to_hours";
const DURATION_TO_INT = "duration_to_int64";
const DURATION_TO_MILLISECONDS = "duration_to_milliseconds";
const DURATION_TO_MINUTES = "duration_to_minutes";
const DURATION_TO_SECONDS = "duration_to_seconds";
const DURATION_TO_STRING = "duration_to_string";
const ENDS_WITH = "endsWith";
const ENDS_WITH_STRING = "ends_with_string";
const overload_const_EQUALS = "equals";
const GREATER_BOOL = "greater_bool";
const GREATER_BYTES = "greater_bytes";
const GREATER_DOUBLE = "greater_double";
const GREATER_DOUBLE_INT64 = "greater_double_int64";
const GREATER_DOUBLE_UINT64 = "greater_double_uint64";
const GREATER_DURATION = "greater_duration";
const GREATER_EQUALS_BOOL = "greater_equals_bool";
const GREATER_EQUALS_BYTES = "greater_equals_bytes";
const GREATER_EQUALS_DOUBLE = "greater_equals_double";
const GREATER_EQUALS_DOUBLE_INT64 = "greater_equals_double_int64";
const GREATER_EQUALS_DOUBLE_UINT64 = "greater_equals_double_uint64";
const GREATER_EQUALS_DURATION = "greater_equals_duration";
const GREATER_EQUALS_INT64 = "greater_equals_int64";
const GREATER_EQUALS_INT64_DOUBLE = "greater_equals_int64_double";
const GREATER_EQUALS_INT64_UINT64 = "greater_equals_int64_uint64";
const GREATER_EQUALS_STRING = "greater_equals_string";
const GREATER_EQUALS_TIMESTAMP = "greater_equals_timestamp";
const GREATER_EQUALS_UINT64 = "greater_equals_uint64";
const GREATER_EQUALS_UINT64_DOUBLE = "greater_equals_uint64_double";
const GREATER_EQUALS_UINT64_INT64 = "greater_equals_uint64_int64";
const GREATER_INT64 = "greater_int64";
const GREATER_INT64_DOUBLE = "greater_int64_double";
const GREATER_INT64_UINT64 = "greater_int64_uint64";
const GREATER_STRING = "greater_string";
const GREATER_TIMESTAMP = "greater_timestamp";
const GREATER_UINT64 = "greater_uint64";
const GREATER_UINT64_DOUBLE = "greater_uint64_double";
const GREATER_UINT64_INT64 = "greater_uint64_int64";
const HAS_NEXT = "@hasNext";
const INDEX_LIST = "index_list";
const INDEX_MAP = "index_map";
const INDEX_MESSAGE = "index_message";
const INT_TO_DOUBLE = "int64_to_double";
const INT_TO_DURATION = "int64_to_duration";
const INT_TO_INT = "int64_to_int64";
const INT_TO_STRING = "int64_to_string";
const INT_TO_TIMESTAMP = "int64_to_timestamp";
const INT_TO_UINT = "int64_to_uint64";
const IN_LIST = "in_list";
const IN_MAP = "in_map";
const IN_MESSAGE = "in_message";
const ITERATOR = "@iterator";
const LESS_BOOL = "less_bool";
const LESS_BYTES = "less_bytes";
const LESS_DOUBLE = "less_double";
const LESS_DOUBLE_INT64 = "less_double_int64";
const LESS_DOUBLE_UINT64 = "less_double_uint64";
const LESS_DURATION = "less_duration";
const LESS_EQUALS_BOOL = "less_equals_bool";
const LESS_EQUALS_BYTES = "less_equals_bytes";
const LESS_EQUALS_DOUBLE = "less_equals_double";
const LESS_EQUALS_DOUBLE_INT64 = "less_equals_double_int64";
const LESS_EQUALS_DOUBLE_UINT64 = "less_equals_double_uint64";
const LESS_EQUALS_DURATION = "less_equals_duration";
const LESS_EQUALS_INT64 = "less_equals_int64";
const LESS_EQUALS_INT64_DOUBLE = "less_equals_int64_double";
const LESS_EQUALS_INT64_UINT64 = "less_equals_int64_uint64";
const LESS_EQUALS_STRING = "less_equals_string";
const LESS_EQUALS_TIMESTAMP = "less_equals_timestamp";
const LESS_EQUALS_UINT64 = "less_equals_uint64";
const LESS_EQUALS_UINT64_DOUBLE = "less_equals_uint64_double";
const LESS_EQUALS_UINT64_INT64 = "less_equals_uint64_int64";
const LESS_INT64 = "less_int64";
const LESS_INT64_DOUBLE = "less_int64_double";
const LESS_INT64_UINT64 = "less_int64_uint64";
const LESS_STRING = "less_string";
const LESS_TIMESTAMP = "less_timestamp";
const LESS_UINT64 = "less_uint64";
const LESS_UINT64_DOUBLE = "less_uint64_double";
const LESS_UINT64_INT64 = "less_uint64_int64";
const overload_const_LOGICAL_AND = "logical_and";
const overload_const_LOGICAL_NOT = "logical_not";
const overload_const_LOGICAL_OR = "logical_or";
const MATCHES = "matches";
const MATCHES_STRING = "matches_string";
const MODULO_INT64 = "modulo_int64";
const MODULO_UINT64 = "modulo_uint64";
const MULTIPLY_DOUBLE = "multiply_double";
const MULTIPLY_INT64 = "multiply_int64";
const MULTIPLY_UINT64 = "multiply_uint64";
const NEGATE_DOUBLE = "negate_double";
const NEGATE_INT64 = "negate_int64";
const NEXT = "@next";
const overload_const_NOT_EQUALS = "not_equals";
const overload_const_NOT_STRICTLY_FALSE = "not_strictly_false";
const SIZE = "size";
const SIZE_BYTES = "size_bytes";
const SIZE_BYTES_INST = "bytes_size";
const SIZE_LIST = "size_list";
const SIZE_LIST_INST = "list_size";
const SIZE_MAP = "size_map";
const SIZE_MAP_INST = "map_size";
const SIZE_STRING = "size_string";
const SIZE_STRING_INST = "string_size";
const STARTS_WITH = "startsWith";
const STARTS_WITH_STRING = "starts_with_string";
const STRING_TO_BOOL = "string_to_bool";
const STRING_TO_BYTES = "string_to_bytes";
const STRING_TO_DOUBLE = "string_to_double";
const STRING_TO_DURATION = "string_to_duration";
const STRING_TO_INT = "string_to_int64";
const STRING_TO_STRING = "string_to_string";
const STRING_TO_TIMESTAMP = "string_to_timestamp";
const STRING_TO_UINT = "string_to_uint64";
const SUBTRACT_DOUBLE = "subtract_double";
const SUBTRACT_DURATION_DURATION = "subtract_duration_duration";
const SUBTRACT_INT64 = "subtract_int64";
const SUBTRACT_TIMESTAMP_DURATION = "subtract_timestamp_duration";
const SUBTRACT_TIMESTAMP_TIMESTAMP = "subtract_timestamp_timestamp";
const SUBTRACT_UINT64 = "subtract_uint64";
const TIMESTAMP_TO_DAY_OF_MONTH_ONE_BASED = "timestamp_to_day_of_month_1_based";
const TIMESTAMP_TO_DAY_OF_MONTH_ONE_BASED_WITH_TZ = "timestamp_to_day_of_month_1_based_with_tz";
const TIMESTAMP_TO_DAY_OF_MONTH_ZERO_BASED = "timestamp_to_day_of_month";
const TIMESTAMP_TO_DAY_OF_MONTH_ZERO_BASED_WITH_TZ = "timestamp_to_day_of_month_with_tz";
const TIMESTAMP_TO_DAY_OF_WEEK = "timestamp_to_day_of_week";
const TIMESTAMP_TO_DAY_OF_WEEK_WITH_TZ = "timestamp_to_day_of_week_with_tz";
const TIMESTAMP_TO_DAY_OF_YEAR = "timestamp_to_day_of_year";
const TIMESTAMP_TO_DAY_OF_YEAR_WITH_TZ = "timestamp_to_day_of_year_with_tz";
const TIMESTAMP_TO_HOURS = "timestamp_to_hours";
const TIMESTAMP_TO_HOURS_WITH_TZ = "timestamp_to_hours_with_tz";
const TIMESTAMP_TO_INT = "timestamp_to_int64";
const TIMESTAMP_TO_MILLISECONDS = "timestamp_to_milliseconds";
const TIMESTAMP_TO_MILLISECONDS_WITH_TZ = "timestamp_to_milliseconds_with_tz";
const TIMESTAMP_TO_MINUTES = "timestamp_to_minutes";
const TIMESTAMP_TO_MINUTES_WITH_TZ = "timestamp_to_minutes_with_tz";
const TIMESTAMP_TO_MONTH = "timestamp_to_month";
const TIMESTAMP_TO_MONTH_WITH_TZ = "timestamp_to_month_with_tz";
const TIMESTAMP_TO_SECONDS = "timestamp_to_seconds";
const TIMESTAMP_TO_SECONDS_WITH_TZ = "timestamp_to_seconds_tz";
const TIMESTAMP_TO_STRING = "timestamp_to_string";
const TIMESTAMP_TO_TIMESTAMP = "timestamp_to_timestamp";
const TIMESTAMP_TO_YEAR = "timestamp_to_year";
const TIMESTAMP_TO_YEAR_WITH_TZ = "timestamp_to_year_with_tz";
const TIME_GET_DATE = "getDate";
const TIME_GET_DAY_OF_MONTH = "getDayOfMonth";
const TIME_GET_DAY_OF_WEEK = "getDayOfWeek";
const TIME_GET_DAY_OF_YEAR = "getDayOfYear";
const TIME_GET_FULL_YEAR = "getFullYear";
const TIME_GET_HOURS = "getHours";
const TIME_GET_MILLISECONDS = "getMilliseconds";
const TIME_GET_MINUTES = "getMinutes";
const TIME_GET_MONTH = "getMonth";
const TIME_GET_SECONDS = "getSeconds";
const TO_DYN = "to_dyn";
const TYPE_CONVERT_BOOL = "bool";
const TYPE_CONVERT_BYTES = "bytes";
const TYPE_CONVERT_DOUBLE = "double";
const TYPE_CONVERT_DURATION = "duration";
const TYPE_CONVERT_DYN = "dyn";
const TYPE_CONVERT_INT = "int";
const TYPE_CONVERT_STRING = "string";
const TYPE_CONVERT_TIMESTAMP = "timestamp";
const TYPE_CONVERT_TYPE = "type";
const TYPE_CONVERT_UINT = "uint";
const UINT_TO_DOUBLE = "uint64_to_double";
const UINT_TO_INT = "uint64_to_int64";
const UINT_TO_STRING = "uint64_to_string";
const UINT_TO_UINT = "uint64_to_uint64";

// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/equals.js + 1 modules
var equals = __webpack_require__(8121);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/RE2Flags.js
//// Parser flags.
// Fold case during matching (case-insensitive).
const FOLD_CASE = 0x01;
// Treat pattern as a literal string instead of a regexp.
const LITERAL = 0x02;
// Allow character classes like [^a-z] and [[:space:]] to match newline.
const CLASS_NL = 0x04;
// Allow '.' to match newline.
const DOT_NL = 0x08;
// Treat ^ and $ as only matching at beginning and end of text, not
// around embedded newlines.  (Perl's default).
const ONE_LINE = 0x10;
// Make repetition operators default to non-greedy.
const NON_GREEDY = 0x20;
// allow Perl extensions:
//   non-capturing parens - (?: )
//   non-greedy operators - *? +? ?? {}?
//   flag edits - (?i) (?-i) (?i: )
//     i - FoldCase
//     m - !OneLine
//     s - DotNL
//     U - NonGreedy
//   line ends: \A \z
//   \Q and \E to disable/enable metacharacters
//   (?P<name>expr) for named captures
// \C (any byte) is not supported.
const PERL_X = 0x40;
// Allow \p{Han}, \P{Han} for Unicode group and negation.
const UNICODE_GROUPS = 0x80;
// Regexp END_TEXT was $, not \z.  Internal use only.
const WAS_DOLLAR = 0x100;
const MATCH_NL = CLASS_NL | DOT_NL;
// As close to Perl as possible.
const PERL = CLASS_NL | ONE_LINE | PERL_X | UNICODE_GROUPS;
// POSIX syntax.
const POSIX = 0;
//// Anchors
const UNANCHORED = 0;
const ANCHOR_START = 1;
const ANCHOR_BOTH = 2;


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/UnicodeRangeTable.js
class UnicodeRangeTable {
    data;
    isStride1;
    SIZE;
    constructor(data, isStride1 = false) {
        this.data = data; // A Uint32Array
        this.isStride1 = isStride1;
        this.SIZE = isStride1 ? 2 : 3;
    }
    // High-performance getters that do NOT allocate memory
    getLo(index) {
        return this.data[index * this.SIZE];
    }
    getHi(index) {
        return this.data[index * this.SIZE + 1];
    }
    getStride(index) {
        return this.isStride1 ? 1 : this.data[index * this.SIZE + 2];
    }
    get(index) {
        const i = index * this.SIZE;
        return [this.data[i], this.data[i + 1], this.getStride(index)];
    }
    get length() {
        return this.data.length / this.SIZE;
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/UnicodeTables.js
// GENERATED BY tools/scripts/genUnicodeTable.js; DO NOT EDIT.
// yarn node ./tools/scripts/genUnicodeTable.js > src/UnicodeTables.ts

let _B64_MAP = null;
const getB64Map = () => {
    if (!_B64_MAP) {
        _B64_MAP = new Uint8Array(256);
        const b = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-";
        for (let i = 0; i < 64; i++) {
            _B64_MAP[b.charCodeAt(i)] = i;
        }
    }
    return _B64_MAP;
};
const decodeVLQ = (str) => {
    const b64 = getB64Map();
    const res = [];
    let value = 0, shift = 0;
    for (let i = 0; i < str.length; i++) {
        const digit = b64[str.charCodeAt(i)];
        value |= (digit & 0x1f) << shift;
        if ((digit & 0x20) === 0) {
            res.push(value);
            value = 0;
            shift = 0;
        }
        else {
            shift += 5;
        }
    }
    return res;
};
const decodeRanges = (str, isStride1) => {
    if (str.length === 0)
        return new Uint32Array(0);
    const res = decodeVLQ(str);
    const numRanges = isStride1 ? res.length / 2 : res.length / 3;
    const out = new Uint32Array(numRanges * 3);
    let current = 0, resIdx = 0;
    for (let i = 0; i < numRanges; i++) {
        current += res[resIdx++];
        out[i * 3] = current;
        current += res[resIdx++];
        out[i * 3 + 1] = current;
        out[i * 3 + 2] = isStride1 ? 1 : res[resIdx++];
    }
    return out;
};
const decodeOrbit = (str) => {
    const res = decodeVLQ(str);
    const map = new Map();
    let currentKey = 0;
    for (let i = 0; i < res.length; i += 2) {
        currentKey += res[i];
        map.set(currentKey, res[i + 1]);
    }
    return map;
};
// Merges two stride-encoded UnicodeRangeTables. Expands any stride>1
// ranges to individual codepoints, then coalesces contiguous runs.
const mergeRanges = (a, b) => {
    if (b.length === 0)
        return a;
    if (a.length === 0)
        return b;
    const points = [];
    const push = (arr) => {
        for (let i = 0; i < arr.length; i += 3) {
            const lo = arr[i], hi = arr[i + 1], stride = arr[i + 2];
            if (stride === 1) {
                points.push([lo, hi]);
            }
            else {
                for (let cp = lo; cp <= hi; cp += stride)
                    points.push([cp, cp]);
            }
        }
    };
    push(a);
    push(b);
    points.sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const [lo, hi] of points) {
        const last = merged[merged.length - 1];
        if (last && last[1] + 1 >= lo) {
            if (hi > last[1])
                last[1] = hi;
        }
        else {
            merged.push([lo, hi]);
        }
    }
    const out = new Uint32Array(merged.length * 3);
    for (let i = 0; i < merged.length; i++) {
        out[i * 3] = merged[i][0];
        out[i * 3 + 1] = merged[i][1];
        out[i * 3 + 2] = 1;
    }
    return out;
};
// Sweeps the codepoint space using a platform property-escape regex and
// returns stride-1 ranges. Surrogates are included \u2014 String.fromCodePoint
// returns the lone surrogate char and platform regex matches \p{Cs} on it.
const sweepPlatform = (pattern) => {
    const re = new RegExp(pattern, "u");
    const ranges = [];
    let start = -1;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
        if (re.test(String.fromCodePoint(cp))) {
            if (start < 0)
                start = cp;
        }
        else if (start >= 0) {
            ranges.push(start, cp - 1, 1);
            start = -1;
        }
    }
    if (start >= 0)
        ranges.push(start, 0x10ffff, 1);
    return Uint32Array.from(ranges);
};
class LazyDecoder {
    initializer;
    cache;
    constructor(initializer) {
        this.initializer = initializer;
        this.cache = new Map();
    }
    has(key) {
        return key in this.initializer;
    }
    get(key) {
        const cached = this.cache.get(key);
        if (cached !== undefined || this.cache.has(key)) {
            return cached ?? null;
        }
        const fn = this.initializer[key];
        const val = fn ? fn() : null;
        this.cache.set(key, val);
        return val;
    }
}
let _CASE_ORBIT = null;
const getCASE_ORBIT = () => {
    if (!_CASE_ORBIT) {
        _CASE_ORBIT = decodeOrbit("rDqpII-LsD+0HGrpIsCxJzElODoODrOnByP-Mz+HTieNj-HCweD1fDxeB+9HBwfC1FE2eBxfBjeE1eDmpII0fjB4c+BgkHChkHKikHDjkHBkkHImkHZnkHhhGlkH9O70H-Io8HBp8HBq8HBr8HBs8HBt8HBu8HBv8HJ48HB58HB68HB78HB88HB98HB+8HB-8HJo9HBp9HBq9HBr9HBs9HBt9HBu9HBv9HM89HLlaFs+HQwcQwdQ8-HzJpdErCBlGgphBokHjMu+pBBv+pBDy+pBBz+pBB0+pBB1+pBw5Um4+BBl4+B68cg17CBh17CBi17CBj17CBk17CBl17CBm17CBn17CBo17CBp17CBq17CBr17CBs17CBt17CBu17CBv17CBw17CBx17CBy17CBz17CB017CB117CB217CB317CB417CD717CB817CB917CB+17CB-17CBg27CBh27CBi27CBj27CBk27CBl27CBm27CBn27CBo27CBp27CBq27CBr27CBs27CBt27CBu27CBv27CBw27CBx27CBy27CBz27C");
    }
    return _CASE_ORBIT;
};
// Additions from Unicode 15.0 \u2192 16.0 per stable general-category name.
// Merged unconditionally with platform sweep output; no-op on 16.0+ engines.
const _DELTA_CATEGORIES = /*#__PURE__*/ new LazyDecoder({
    L: () => decodeRanges("pkHBBh6iBCBNCBkvXzBB36BbBKWB9JCB8lBJBCDDClBBCaaCt-Bt-BBfBgkG68DBmoHdBjhDsBBz8HxmWxmWBcBDgwhCgwhCBsTB", false),
    LC: () => decodeRanges("pkHBh6iBCNC0rZVLV", true),
    Ll: () => decodeRanges("qkHj6iBj6iBO1sZ1sZBUB", false),
    Lm: () => decodeRanges("uqjChBhBx+XCBpBBB", false),
    Lo: () => decodeRanges("guhCzBB36BDBCzLzLBBB8lBJBCDDClBBCaaCt-Bt-BBfBgkG68DBmoHdBmhDnBB18HxmWxmWBcBDgwhCgwhCBsTB", false),
    Lu: () => decodeRanges("pkHi6iBi6iBBOOC0rZ0rZBUB", false),
    M: () => decodeRanges("3kCymhCymhCBDBvM8lB8lBBHBCDDCDBCEBCPPB47C47CkuQRB-lhBBB", false),
    Mc: () => decodeRanges("49kCCBIDDCDBCBBCvavaswSCB", false),
    Mn: () => decodeRanges("3kCymhCymhCBDBvM-lB-lBBEBOECPBB47CkuQkuQBKBECB-lhBBB", false),
    N: () => decodeRanges("gqjCJnsCTtoBJ3pRJ3hDJ37XJ4nGJ", true),
    Nd: () => decodeRanges("gqjCJnsCTtoBJ3pRJ3hDJ37XJ4nGJ", true),
    P: () => decodeRanges("u6GBBwBvv8Bvv8BmzBBBCBBpgCssUssUBBBwkeAB", false),
    Pd: () => decodeRanges("urjCA", true),
    Po: () => decodeRanges("u6GBBwB1i+B1i+BBCCBpgCpgCssUCBwkeAB", false),
    S: () => decodeRanges("nhJCBz+CDBlPBBK-82B-82BBxzvBxzvBBuHBRzNB-vKJBFBBoOGGvBIIWDDKiHiHBjBB", false),
    Sm: () => decodeRanges("usjCB", true),
    So: () => decodeRanges("nhJCBz+CDBlPBBKxwmDxwmDBuHBRzNB-vKJBFBBoOGGvBIIWDDKiHiHBjBB", false),
});
// Additions from Unicode 15.0 \u2192 16.0 per stable script name.
const _DELTA_SCRIPTS = /*#__PURE__*/ new LazyDecoder({
    Arabic: () => decodeRanges("3kCrxhCrxhCBBB4BAB", false),
    Balinese: () => decodeRanges("u6GBwBA", true),
    Common: () => decodeRanges("nhJCBz+CDBlPBBKxwmDxwmDB4HBHzNB-vKJBFBBoOGGvBIIWDDKiHiHBjBB", false),
    Cyrillic: () => decodeRanges("pkHB", true),
    Egyptian_Hieroglyphs: () => decodeRanges("gjtC68D", true),
    Han: () => decodeRanges("w-6FtT", true),
    Kawi: () => decodeRanges("66nCA", true),
    Khitan_Small_Script: () => decodeRanges("-njDA", true),
    Latin: () => decodeRanges("r+pBCNC", true),
    Myanmar: () => decodeRanges("w2lCT", true),
});
// Full tables for scripts added in Unicode 16.0. Engines < 16.0 throw
// SyntaxError on these names, so platform sweep is impossible.
const _NEW_SCRIPTS = /*#__PURE__*/ new LazyDecoder({
    Garay: () => new UnicodeRangeTable(decodeRanges("gqjClBEcJB", true)),
    Gurung_Khema: () => new UnicodeRangeTable(decodeRanges("go4C5B", true)),
    Kirat_Rai: () => new UnicodeRangeTable(decodeRanges("gq7C5B", true)),
    Ol_Onal: () => new UnicodeRangeTable(decodeRanges("wu5DqBFA", true)),
    Sunuwar: () => new UnicodeRangeTable(decodeRanges("g+mChBPJ", true)),
    Todhri: () => new UnicodeRangeTable(decodeRanges("guhCzB", true)),
    Tulu_Tigalari: () => new UnicodeRangeTable(decodeRanges("g8kCJBCDDClBBCJBCDDCDBCJBCBBJBB", false)),
});
const STABLE_CATEGORY_NAMES = new Set([
    "C",
    "Cc",
    "Cf",
    "Cn",
    "Co",
    "Cs",
    "L",
    "LC",
    "Ll",
    "Lm",
    "Lo",
    "Lt",
    "Lu",
    "M",
    "Mc",
    "Me",
    "Mn",
    "N",
    "Nd",
    "Nl",
    "No",
    "P",
    "Pc",
    "Pd",
    "Pe",
    "Pf",
    "Pi",
    "Po",
    "Ps",
    "S",
    "Sc",
    "Sk",
    "Sm",
    "So",
    "Z",
    "Zl",
    "Zp",
    "Zs",
]);
const STABLE_SCRIPT_NAMES = new Set([
    "Adlam",
    "Ahom",
    "Anatolian_Hieroglyphs",
    "Arabic",
    "Armenian",
    "Avestan",
    "Balinese",
    "Bamum",
    "Bassa_Vah",
    "Batak",
    "Bengali",
    "Bhaiksuki",
    "Bopomofo",
    "Brahmi",
    "Braille",
    "Buginese",
    "Buhid",
    "Canadian_Aboriginal",
    "Carian",
    "Caucasian_Albanian",
    "Chakma",
    "Cham",
    "Cherokee",
    "Chorasmian",
    "Common",
    "Coptic",
    "Cuneiform",
    "Cypriot",
    "Cypro_Minoan",
    "Cyrillic",
    "Deseret",
    "Devanagari",
    "Dives_Akuru",
    "Dogra",
    "Duployan",
    "Egyptian_Hieroglyphs",
    "Elbasan",
    "Elymaic",
    "Ethiopic",
    "Georgian",
    "Glagolitic",
    "Gothic",
    "Grantha",
    "Greek",
    "Gujarati",
    "Gunjala_Gondi",
    "Gurmukhi",
    "Han",
    "Hangul",
    "Hanifi_Rohingya",
    "Hanunoo",
    "Hatran",
    "Hebrew",
    "Hiragana",
    "Imperial_Aramaic",
    "Inherited",
    "Inscriptional_Pahlavi",
    "Inscriptional_Parthian",
    "Javanese",
    "Kaithi",
    "Kannada",
    "Katakana",
    "Kawi",
    "Kayah_Li",
    "Kharoshthi",
    "Khitan_Small_Script",
    "Khmer",
    "Khojki",
    "Khudawadi",
    "Lao",
    "Latin",
    "Lepcha",
    "Limbu",
    "Linear_A",
    "Linear_B",
    "Lisu",
    "Lycian",
    "Lydian",
    "Mahajani",
    "Makasar",
    "Malayalam",
    "Mandaic",
    "Manichaean",
    "Marchen",
    "Masaram_Gondi",
    "Medefaidrin",
    "Meetei_Mayek",
    "Mende_Kikakui",
    "Meroitic_Cursive",
    "Meroitic_Hieroglyphs",
    "Miao",
    "Modi",
    "Mongolian",
    "Mro",
    "Multani",
    "Myanmar",
    "Nabataean",
    "Nag_Mundari",
    "Nandinagari",
    "New_Tai_Lue",
    "Newa",
    "Nko",
    "Nushu",
    "Nyiakeng_Puachue_Hmong",
    "Ogham",
    "Ol_Chiki",
    "Old_Hungarian",
    "Old_Italic",
    "Old_North_Arabian",
    "Old_Permic",
    "Old_Persian",
    "Old_Sogdian",
    "Old_South_Arabian",
    "Old_Turkic",
    "Old_Uyghur",
    "Oriya",
    "Osage",
    "Osmanya",
    "Pahawh_Hmong",
    "Palmyrene",
    "Pau_Cin_Hau",
    "Phags_Pa",
    "Phoenician",
    "Psalter_Pahlavi",
    "Rejang",
    "Runic",
    "Samaritan",
    "Saurashtra",
    "Sharada",
    "Shavian",
    "Siddham",
    "SignWriting",
    "Sinhala",
    "Sogdian",
    "Sora_Sompeng",
    "Soyombo",
    "Sundanese",
    "Syloti_Nagri",
    "Syriac",
    "Tagalog",
    "Tagbanwa",
    "Tai_Le",
    "Tai_Tham",
    "Tai_Viet",
    "Takri",
    "Tamil",
    "Tangsa",
    "Tangut",
    "Telugu",
    "Thaana",
    "Thai",
    "Tibetan",
    "Tifinagh",
    "Tirhuta",
    "Toto",
    "Ugaritic",
    "Unknown",
    "Vai",
    "Vithkuqi",
    "Wancho",
    "Warang_Citi",
    "Yezidi",
    "Yi",
    "Zanabazar_Square",
]);
const NEW_SCRIPT_NAMES = new Set([
    "Garay",
    "Gurung_Khema",
    "Kirat_Rai",
    "Ol_Onal",
    "Sunuwar",
    "Todhri",
    "Tulu_Tigalari",
]);
const _sweepCache = new Map();
const _foldCache = new Map();
// Returns the base range table for a property name, or null if unknown.
// Stable names: platform sweep + bundled delta (15.0 \u2192 16.0).
// New-in-16.0 script names: bundled full table.
const buildForProperty = (name) => {
    if (NEW_SCRIPT_NAMES.has(name)) {
        return _NEW_SCRIPTS.get(name);
    }
    let kind = null;
    let pattern = null;
    if (STABLE_CATEGORY_NAMES.has(name)) {
        kind = "category";
        pattern = `\\p{General_Category=${name}}`;
    }
    else if (STABLE_SCRIPT_NAMES.has(name)) {
        kind = "script";
        pattern = `\\p{Script=${name}}`;
    }
    else
        return null;
    const cacheKey = `${kind}:${name}`;
    const cached = _sweepCache.get(cacheKey);
    if (cached)
        return cached;
    const base = sweepPlatform(pattern);
    const delta = kind === "category"
        ? _DELTA_CATEGORIES.get(name)
        : _DELTA_SCRIPTS.get(name);
    const merged = delta ? mergeRanges(base, delta) : base;
    const table = new UnicodeRangeTable(merged);
    _sweepCache.set(cacheKey, table);
    return table;
};
// Computes the fold-overlay for a property name: additional runes that
// fold to some rune already in the base class. Returns null if no overlay
// is needed (base class is fold-stable).
const buildFoldOverlay = (name) => {
    const cached = _foldCache.get(name);
    if (cached !== undefined)
        return cached;
    const base = buildForProperty(name);
    if (!base) {
        _foldCache.set(name, null);
        return null;
    }
    const inBase = (r) => {
        let lo = 0, hi = base.length;
        while (lo < hi) {
            const m = (lo + hi) >> 1;
            const rlo = base.getLo(m), rhi = base.getHi(m);
            if (r < rlo)
                hi = m;
            else if (r > rhi)
                lo = m + 1;
            else
                return (r - rlo) % base.getStride(m) === 0;
        }
        return false;
    };
    // Inline simpleFold to avoid circular import with Unicode.ts.
    const orbit = getCASE_ORBIT();
    const simpleFold = (r) => {
        const folded = orbit.get(r);
        if (folded !== undefined)
            return folded;
        const s = String.fromCodePoint(r);
        const lower = s.toLowerCase();
        if (lower.length === s.length) {
            const lowerCp = lower.codePointAt(0);
            if (lowerCp !== undefined && lowerCp !== r)
                return lowerCp;
        }
        const upper = s.toUpperCase();
        if (upper.length === s.length) {
            const upperCp = upper.codePointAt(0);
            if (upperCp !== undefined && upperCp !== r)
                return upperCp;
        }
        return r;
    };
    const extras = new Set();
    for (let i = 0; i < base.length; i++) {
        const lo = base.getLo(i), hi = base.getHi(i), stride = base.getStride(i);
        for (let cp = lo; cp <= hi; cp += stride) {
            let r = simpleFold(cp);
            while (r !== cp) {
                if (!inBase(r))
                    extras.add(r);
                r = simpleFold(r);
            }
        }
    }
    if (extras.size === 0) {
        _foldCache.set(name, null);
        return null;
    }
    const sorted = Array.from(extras).sort((a, b) => a - b);
    const merged = [];
    for (const cp of sorted) {
        const last = merged[merged.length - 1];
        if (last && last[1] + 1 === cp)
            last[1] = cp;
        else
            merged.push([cp, cp]);
    }
    const out = new Uint32Array(merged.length * 3);
    for (let i = 0; i < merged.length; i++) {
        out[i * 3] = merged[i][0];
        out[i * 3 + 1] = merged[i][1];
        out[i * 3 + 2] = 1;
    }
    const table = new UnicodeRangeTable(out);
    _foldCache.set(name, table);
    return table;
};
const getUpper = () => {
    const table = buildForProperty("Lu");
    if (table === null) {
        throw new Error("Upper: missing Lu property");
    }
    return table;
};
// --- Legacy API surface used by Parser ---
const UnicodeTables_UnicodeTables = {
    get CASE_ORBIT() {
        return getCASE_ORBIT();
    },
    STABLE_CATEGORY_NAMES,
    STABLE_SCRIPT_NAMES,
    NEW_SCRIPT_NAMES,
    buildForProperty,
    buildFoldOverlay,
    CATEGORIES: {
        has: (name) => STABLE_CATEGORY_NAMES.has(name),
        get: (name) => buildForProperty(name),
    },
    SCRIPTS: {
        has: (name) => STABLE_SCRIPT_NAMES.has(name) || NEW_SCRIPT_NAMES.has(name),
        get: (name) => buildForProperty(name),
    },
    FOLD_CATEGORIES: {
        has: (name) => STABLE_CATEGORY_NAMES.has(name),
        get: (name) => buildFoldOverlay(name),
    },
    FOLD_SCRIPT: {
        has: (name) => STABLE_SCRIPT_NAMES.has(name) || NEW_SCRIPT_NAMES.has(name),
        get: (name) => buildFoldOverlay(name),
    },
    get Upper() {
        return getUpper();
    },
    // --- Test-only hooks: expose the raw bundled 15.0\u219216.0 delta and
    // new-in-16.0 script data so tests can verify the generator output.
    // These are not part of the public API.
    _deltaCategoryRanges: (name) => _DELTA_CATEGORIES.get(name),
    _deltaScriptRanges: (name) => _DELTA_SCRIPTS.get(name),
    _newScriptTable: (name) => _NEW_SCRIPTS.get(name),
};

;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Unicode.js

/**
 * Utilities for dealing with Unicode better than JS does.
 */
// The highest legal rune value.
const MAX_RUNE = 0x10ffff;
// The highest legal ASCII value.
const MAX_ASCII = 0x7f;
// The highest legal Latin-1 value.
const MAX_LATIN1 = 0xff;
// The highest legal Basic Multilingual Plane (BMP) value.
const MAX_BMP = 0xffff;
// Minimum and maximum runes involved in folding.
// Checked during test.
const MIN_FOLD = 0x0041;
const MAX_FOLD = 0x1e943;
const MIN_HIGH_SURROGATE = 0xd800;
const MAX_HIGH_SURROGATE = 0xdbff;
const MIN_LOW_SURROGATE = 0xdc00;
const MAX_LOW_SURROGATE = 0xdfff;
const MIN_SUPPLEMENTARY_CODE_POINT = 0x10000;
// is32 uses binary search to test whether rune is in the specified
// slice of 32-bit ranges.
function is32(ranges, r) {
    // binary search over ranges
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
        const m = lo + Math.floor((hi - lo) / 2);
        const rlo = ranges.getLo(m);
        const rhi = ranges.getHi(m);
        if (rlo <= r && r <= rhi) {
            const stride = ranges.getStride(m);
            return (r - rlo) % stride === 0;
        }
        if (r < rlo) {
            hi = m;
        }
        else {
            lo = m + 1;
        }
    }
    return false;
}
// is tests whether rune is in the specified table of ranges.
function is(ranges, r) {
    // Fast path for Latin-1 characters using linear search.
    if (r <= MAX_LATIN1) {
        for (let i = 0; i < ranges.length; i++) {
            const rhi = ranges.getHi(i);
            if (r > rhi) {
                continue;
            }
            const rlo = ranges.getLo(i);
            if (r < rlo) {
                return false;
            }
            const stride = ranges.getStride(i);
            return (r - rlo) % stride === 0;
        }
        return false;
    }
    // Fallback to binary search for runes outside Latin-1
    return ranges.length > 0 && r >= ranges.getLo(0) && is32(ranges, r);
}
// isUpper reports whether the rune is an upper case letter.
function isUpper(r) {
    if (r <= MAX_LATIN1) {
        const s = String.fromCodePoint(r);
        return s.toUpperCase() === s && s.toLowerCase() !== s;
    }
    return is(UnicodeTables.Upper, r);
}
// simpleFold iterates over Unicode code points equivalent under
// the Unicode-defined simple case folding.  Among the code points
// equivalent to rune (including rune itself), SimpleFold returns the
// smallest r >= rune if one exists, or else the smallest r >= 0.
//
// For example:
//      SimpleFold('A') = 'a'
//      SimpleFold('a') = 'A'
//
//      SimpleFold('K') = 'k'
//      SimpleFold('k') = '\u212A' (Kelvin symbol, \u212a)
//      SimpleFold('\u212A') = 'K'
//
//      SimpleFold('1') = '1'
//
// Derived from Go's unicode.SimpleFold.
//
function simpleFold(r) {
    // Consult caseOrbit table for special cases (3+ element cycles, lossy
    // mappings like \u017f\u2192S, and Turkic-specific self-loops).
    const caseOrbit = UnicodeTables_UnicodeTables.CASE_ORBIT;
    const folded = caseOrbit.get(r);
    if (folded !== undefined) {
        return folded;
    }
    // Fallback for 2-element orbits: use raw native case conversion.
    // The length check rejects multi-char results (e.g., \u00df\u2192SS) which
    // would otherwise be truncated to a non-equivalent codepoint.
    const s = String.fromCodePoint(r);
    const lower = s.toLowerCase();
    if (lower.length === s.length) {
        const lowerCp = lower.codePointAt(0);
        if (lowerCp !== undefined && lowerCp !== r)
            return lowerCp;
    }
    const upper = s.toUpperCase();
    if (upper.length === s.length) {
        const upperCp = upper.codePointAt(0);
        if (upperCp !== undefined && upperCp !== r)
            return upperCp;
    }
    return r;
}
// equalsIgnoreCase performs case-insensitive equality comparison
// on the given runes |r1| and |r2|, with special consideration
// for the likely scenario where both runes are ASCII characters.
// If non-ASCII, Unicode case folding will be performed on |r1|
// to compare it to |r2|.
// -1 is interpreted as the end-of-file mark and never matches.
function equalsIgnoreCase(r1, r2) {
    if (r1 < 0 || r2 < 0) {
        return false;
    }
    if (r1 === r2) {
        return true;
    }
    // Fast path for the common case where both runes are ASCII characters.
    // Coerces both runes to lowercase if applicable.
    if (r1 <= MAX_ASCII && r2 <= MAX_ASCII) {
        if (0x41 <= r1 && r1 <= 0x5a) {
            r1 |= 0x20;
        }
        if (0x41 <= r2 && r2 <= 0x5a) {
            r2 |= 0x20;
        }
        return r1 === r2;
    }
    // Fall back to full Unicode case folding otherwise.
    // Invariant: r1 must be non-negative
    for (let r = simpleFold(r1); r !== r1; r = simpleFold(r)) {
        if (r === r2) {
            return true;
        }
    }
    return false;
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/chars.js
const codePoint = (v) => {
    const cp = v.codePointAt(0);
    if (cp === undefined) {
        throw new Error("codePoint: empty string");
    }
    return cp;
};
const codePointAtOrThrow = (s, i) => {
    const cp = s.codePointAt(i);
    if (cp === undefined) {
        throw new Error(`codePointAt(${i}) returned undefined for ${JSON.stringify(s)}`);
    }
    return cp;
};

;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Utils.js


/**
 * Various constants and helper utilities.
 */
const METACHARACTERS = "\\.+*?()|[]{}^$";
//// EMPTY_* flags
const EMPTY_BEGIN_LINE = 0x01;
const EMPTY_END_LINE = 0x02;
const EMPTY_BEGIN_TEXT = 0x04;
const EMPTY_END_TEXT = 0x08;
const EMPTY_WORD_BOUNDARY = 0x10;
const EMPTY_NO_WORD_BOUNDARY = 0x20;
function emptyInts() {
    return [];
}
// Returns true iff |c| is an ASCII letter or decimal digit.
function isalnum(c) {
    return ((0x30 <= c && c <= 0x39) ||
        (0x61 <= c && c <= 0x7a) ||
        (0x41 <= c && c <= 0x5a));
}
// If |c| is an ASCII hex digit, returns its value, otherwise -1.
function unhex(c) {
    if (0x30 <= c && c <= 0x39) {
        return c - 0x30;
    }
    if (0x61 <= c && c <= 0x66) {
        return c - 0x61 + 10;
    }
    if (0x41 <= c && c <= 0x46) {
        return c - 0x41 + 10;
    }
    return -1;
}
// Returns the array of runes in the specified UTF-16 string.
function stringToRunes(str) {
    return Array.from(String(str)).map((s) => codePointAtOrThrow(s, 0));
}
// Returns the Java UTF-16 string containing the single rune |r|.
function runeToString(r) {
    return String.fromCodePoint(r);
}
// isWordRune reports whether r is consider a ``word character''
// during the evaluation of the \b and \B zero-width assertions.
// These assertions are ASCII-only: the word characters are [A-Za-z0-9_].
function isWordRune(r) {
    return ((0x61 <= r && r <= 0x7a) ||
        (0x41 <= r && r <= 0x5a) ||
        (0x30 <= r && r <= 0x39) ||
        r === 0x5f);
}
// emptyOpContext returns the zero-width assertions satisfied at the position
// between the runes r1 and r2, a bitmask of EMPTY_* flags.
// Passing r1 == -1 indicates that the position is at the beginning of the
// text.
// Passing r2 == -1 indicates that the position is at the end of the text.
// eslint-disable-next-line no-warning-comments
// TODO(adonovan): move to Machine.
function emptyOpContext(r1, r2) {
    let op = 0;
    if (r1 < 0) {
        op |= EMPTY_BEGIN_TEXT | EMPTY_BEGIN_LINE;
    }
    if (r1 === 0x0a) {
        op |= EMPTY_BEGIN_LINE;
    }
    if (r2 < 0) {
        op |= EMPTY_END_TEXT | EMPTY_END_LINE;
    }
    if (r2 === 0x0a) {
        op |= EMPTY_END_LINE;
    }
    if (isWordRune(r1) !== isWordRune(r2)) {
        op |= EMPTY_WORD_BOUNDARY;
    }
    else {
        op |= EMPTY_NO_WORD_BOUNDARY;
    }
    return op;
}
/**
 * Returns a string that quotes all regular expression metacharacters inside the argument text;
 * the returned string is a regular expression matching the literal text. For example,
 * {@code quoteMeta("[foo]").equals("\\[foo\\]")}.
 * @param {string} str
 * @returns {string}
 */
function quoteMeta(str) {
    return str
        .split("") // A char loop is correct because all metacharacters fit in one UTF-16 code.
        .map((s) => {
        if (METACHARACTERS.indexOf(s) >= 0) {
            return `\\${s}`;
        }
        return s;
    })
        .join("");
}
function charCount(codePoint) {
    return codePoint > MAX_BMP ? 2 : 1;
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/MachineInput.js


class MachineUTF16Input {
    charSequence;
    start;
    end;
    constructor(charSequence, start = 0, end = charSequence.length) {
        this.charSequence = charSequence;
        this.start = start;
        this.end = end;
    }
    static EOF() {
        return -1 << 3;
    }
    endPos() {
        return this.end;
    }
    hasString(prefilter, pos) {
        const idx = this.charSequence.indexOf(prefilter.str, this.start + pos);
        return idx !== -1 && idx <= this.end - prefilter.str.length;
    }
    step(pos) {
        pos += this.start;
        if (pos >= this.end) {
            return MachineUTF16Input.EOF();
        }
        const c1 = this.charSequence.charCodeAt(pos);
        // Fast path: standard BMP character (not a high surrogate)
        if (c1 < MIN_HIGH_SURROGATE ||
            c1 > MAX_HIGH_SURROGATE ||
            pos + 1 >= this.end) {
            return (c1 << 3) | 1;
        }
        // Slow path: Calculate surrogate pair manually
        const c2 = this.charSequence.charCodeAt(pos + 1);
        if (c2 >= MIN_LOW_SURROGATE && c2 <= MAX_LOW_SURROGATE) {
            const rune = (c1 - MIN_HIGH_SURROGATE) * 0x400 +
                (c2 - MIN_LOW_SURROGATE) +
                MIN_SUPPLEMENTARY_CODE_POINT;
            return (rune << 3) | 2;
        }
        // Invalid surrogate pair fallback
        return (c1 << 3) | 1;
    }
    index(re2, pos) {
        pos += this.start;
        const i = this.charSequence.indexOf(re2.prefix, pos);
        return i < 0 ? i : i - pos;
    }
    context(pos) {
        pos += this.start;
        const r1 = pos > 0 && pos <= this.charSequence.length
            ? this.charSequence.codePointAt(pos - 1)
            : -1;
        const r2 = pos < this.charSequence.length ? this.charSequence.codePointAt(pos) : -1;
        if (r1 === undefined || r2 === undefined) {
            throw new Error("invalid state");
        }
        return emptyOpContext(r1, r2);
    }
    prefixLength(re2) {
        return re2.prefix.length;
    }
}
function fromUTF16(charSequence, start = 0, end = charSequence.length) {
    return new MachineUTF16Input(charSequence, start, end);
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Inst.js


/**
 * A single instruction in the regular expression virtual machine.
 *
 * @see http://swtch.com/~rsc/regexp/regexp2.html
 */
class Inst {
    static ALT = 1;
    static ALT_MATCH = 2;
    static CAPTURE = 3;
    static EMPTY_WIDTH = 4;
    static FAIL = 5;
    static MATCH = 6;
    static NOP = 7;
    static RUNE = 8;
    static RUNE1 = 9;
    static RUNE_ANY = 10;
    static RUNE_ANY_NOT_NL = 11;
    op;
    out;
    arg;
    runes;
    static isRuneOp(op) {
        return Inst.RUNE <= op && op <= Inst.RUNE_ANY_NOT_NL;
    }
    constructor(op) {
        this.op = op;
        this.out = 0; // all but MATCH, FAIL
        this.arg = 0; // ALT, ALT_MATCH, CAPTURE, EMPTY_WIDTH
        // length==1 => exact match
        // otherwise a list of [lo,hi] pairs.  hi is *inclusive*.
        this.runes = [];
    }
    // MatchRune returns true if the instruction matches (and consumes) r.
    // It should only be called when op is a rune op.
    matchRune(r) {
        // Special case: single-rune slice is from literal string, not char
        // class.
        if (this.runes.length === 1) {
            const r0 = this.runes[0];
            // If this pattern is case-insensitive, apply Unicode case folding to compare the two runes.
            // Note that this may result in a case-folding loop when executed,
            // so attempt to reduce the chance of that occurring
            // by performing case folding on |r0| from the pattern rather than |r| from the input.
            if ((this.arg & FOLD_CASE) !== 0) {
                return equalsIgnoreCase(r0, r);
            }
            return r === r0;
        }
        const len = this.runes.length;
        // If the array is exactly 2, 4, 6, or 8 items, DO NOT fall through to binary search
        if (len === 2 || len === 4 || len === 6 || len === 8) {
            for (let j = 0; j < len; j += 2) {
                if (r < this.runes[j]) {
                    return false;
                }
                if (r <= this.runes[j + 1]) {
                    return true;
                }
            }
            return false; // Stop here
        }
        // Otherwise binary search.
        let lo = 0;
        let hi = (this.runes.length / 2) | 0;
        while (lo < hi) {
            const m = (lo + hi) >> 1; // native cpu instruction for "lo + (((hi - lo) / 2) | 0)"
            const c = this.runes[2 * m];
            if (c <= r) {
                if (r <= this.runes[2 * m + 1]) {
                    return true;
                }
                lo = m + 1;
            }
            else {
                hi = m;
            }
        }
        return false;
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/DFA.js




// FNV-1a 32-bit hash for an array of integers.
const hashPCs = (pcs) => {
    let h = -2128831035;
    for (let i = 0; i < pcs.length; i++) {
        h ^= pcs[i];
        h = Math.imul(h, 16777619);
    }
    return h;
};
const arraysEqual = (a, b) => {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i])
            return false;
    }
    return true;
};
class DFAState {
    nfaStates;
    isMatch;
    hasEmptyWidth;
    matchIDs;
    nextAscii;
    nextMap;
    constructor(nfaStates, isMatch, hasEmptyWidth, matchIDs = []) {
        this.nfaStates = nfaStates; // Int32Array of Instruction PCs
        this.isMatch = isMatch;
        this.hasEmptyWidth = hasEmptyWidth; // true if any PC is an EMPTY_WIDTH instruction
        this.matchIDs = matchIDs;
        this.nextAscii = new Array(MAX_ASCII + 1).fill(null);
        this.nextMap = new Map();
    }
}
class DFA {
    prog;
    stateCache;
    stateCount;
    startState;
    stateLimit;
    cacheClears;
    failed;
    static MAX_CACHE_CLEARS = 5;
    constructor(prog) {
        this.prog = prog;
        this.stateCache = new Map();
        this.stateCount = 0;
        this.startState = null;
        this.stateLimit = 10000;
        this.cacheClears = 0;
        this.failed = false;
    }
    // Follows epsilon transitions to find all reachable states without consuming a char.
    // Stops at EMPTY_WIDTH (includes the PC but does not follow through).
    computeClosure(pcs) {
        const closure = new Set();
        const stack = [...pcs];
        let isMatch = false;
        let hasEmptyWidth = false;
        const matchIDs = [];
        while (stack.length > 0) {
            const pc = stack.pop();
            if (pc === undefined) {
                throw new Error("invalid state");
            }
            if (closure.has(pc))
                continue;
            closure.add(pc);
            const inst = this.prog.getInst(pc);
            switch (inst.op) {
                case Inst.MATCH:
                    isMatch = true;
                    if (!matchIDs.includes(inst.arg))
                        matchIDs.push(inst.arg);
                    break;
                case Inst.ALT:
                case Inst.ALT_MATCH:
                    stack.push(inst.out);
                    stack.push(inst.arg);
                    break;
                case Inst.NOP:
                case Inst.CAPTURE:
                    stack.push(inst.out);
                    break;
                case Inst.EMPTY_WIDTH:
                    // Include in state but don't follow through \u2014 resolved at step time with context
                    hasEmptyWidth = true;
                    break;
            }
        }
        const sortedPCs = Int32Array.from(closure).sort();
        matchIDs.sort((a, b) => a - b);
        return { pcs: sortedPCs, isMatch, hasEmptyWidth, matchIDs };
    }
    // Resolve EMPTY_WIDTH PCs using the given context.
    // Returns { resolvedPCs: Set<number>, isMatch: boolean }
    resolveEmptyWidth(nfaStates, context) {
        const resolved = new Set();
        const stack = [];
        let isMatch = false;
        // Start with all PCs in the state
        for (let i = 0; i < nfaStates.length; i++) {
            const pc = nfaStates[i];
            const inst = this.prog.getInst(pc);
            if (inst.op === Inst.EMPTY_WIDTH) {
                // Check if context satisfies the empty-width condition
                if ((inst.arg & ~context) === 0) {
                    stack.push(inst.out);
                }
            }
            else {
                resolved.add(pc);
                if (inst.op === Inst.MATCH) {
                    isMatch = true;
                }
            }
        }
        // Follow through from resolved EMPTY_WIDTH transitions
        while (stack.length > 0) {
            const pc = stack.pop();
            if (pc === undefined) {
                throw new Error("invalid state");
            }
            if (resolved.has(pc))
                continue;
            resolved.add(pc);
            const inst = this.prog.getInst(pc);
            switch (inst.op) {
                case Inst.MATCH:
                    isMatch = true;
                    break;
                case Inst.ALT:
                case Inst.ALT_MATCH:
                    stack.push(inst.out);
                    stack.push(inst.arg);
                    break;
                case Inst.NOP:
                case Inst.CAPTURE:
                    stack.push(inst.out);
                    break;
                case Inst.EMPTY_WIDTH:
                    if ((inst.arg & ~context) === 0) {
                        stack.push(inst.out);
                    }
                    break;
            }
        }
        return { resolvedPCs: resolved, isMatch };
    }
    getState(pcs) {
        const closureResult = this.computeClosure(pcs);
        const sortedPCs = closureResult.pcs;
        const hash = hashPCs(sortedPCs);
        let bucket = this.stateCache.get(hash);
        if (bucket) {
            for (let i = 0; i < bucket.length; i++) {
                const state = bucket[i];
                if (arraysEqual(state.nfaStates, sortedPCs)) {
                    return state;
                }
            }
        }
        else {
            bucket = [];
            this.stateCache.set(hash, bucket);
        }
        if (this.failed)
            return null;
        if (this.stateCount >= this.stateLimit) {
            this.stateCache.clear();
            this.stateCount = 0;
            this.startState = null;
            this.cacheClears++;
            if (this.cacheClears >= DFA.MAX_CACHE_CLEARS) {
                this.failed = true;
            }
            return null;
        }
        const state = new DFAState(sortedPCs, closureResult.isMatch, closureResult.hasEmptyWidth, closureResult.matchIDs);
        bucket.push(state);
        this.stateCount++;
        return state;
    }
    // Compute the next DFA state given a current state, a character, and context.
    // Context is needed only when the state has EMPTY_WIDTH PCs.
    step(state, charCode, anchor, context) {
        // Cache lookup
        let cacheKey = 0;
        if (state.hasEmptyWidth) {
            // Context-dependent: include context in key
            cacheKey =
                charCode * 128 + (context & 0x3f) * 2 + (anchor === UNANCHORED ? 0 : 1);
            const cached = state.nextMap.get(cacheKey);
            if (cached !== undefined || state.nextMap.has(cacheKey)) {
                return cached ?? null;
            }
        }
        else {
            // Context-independent: use original caching
            if (anchor === UNANCHORED && charCode <= MAX_ASCII) {
                const next = state.nextAscii[charCode];
                if (next !== null) {
                    return next;
                }
            }
            else {
                cacheKey = charCode + (anchor === UNANCHORED ? 0 : MAX_RUNE + 1);
                const cached = state.nextMap.get(cacheKey);
                if (cached !== undefined || state.nextMap.has(cacheKey)) {
                    return cached ?? null;
                }
            }
        }
        // Determine which PCs to check for RUNE matches
        let activePCs;
        if (state.hasEmptyWidth) {
            const { resolvedPCs } = this.resolveEmptyWidth(state.nfaStates, context);
            activePCs = resolvedPCs;
        }
        else {
            activePCs = state.nfaStates;
        }
        // Collect next PCs from RUNE matches
        const nextPCs = [];
        const iterPCs = activePCs instanceof Set ? activePCs : state.nfaStates;
        for (const pc of iterPCs) {
            const inst = this.prog.getInst(pc);
            if (Inst.isRuneOp(inst.op) && inst.matchRune(charCode)) {
                nextPCs.push(inst.out);
            }
        }
        if (anchor === UNANCHORED) {
            nextPCs.push(this.prog.start);
        }
        const nextState = this.getState(nextPCs);
        // Cache the result
        if (state.hasEmptyWidth) {
            state.nextMap.set(cacheKey, nextState);
        }
        else if (anchor === UNANCHORED && charCode <= MAX_ASCII) {
            state.nextAscii[charCode] = nextState;
        }
        else {
            cacheKey = charCode + (anchor === UNANCHORED ? 0 : MAX_RUNE + 1);
            state.nextMap.set(cacheKey, nextState);
        }
        return nextState;
    }
    // The hot loop: Execute the Lazy DFA
    match(input, pos, anchor) {
        if (!this.startState) {
            this.startState = this.getState([this.prog.start]);
            if (!this.startState)
                return null;
        }
        const endPos = input.endPos();
        let currentState = this.startState;
        // prevRune: the rune immediately before position `pos`. For pos=0 this is
        // -1 (beginning-of-text sentinel). For pos>0 we query the input so that
        // ^, \A, and \b anchors use the correct context when matching begins
        // from a mid-text offset.
        let prevRune = -1;
        if (pos > 0) {
            const r = input.step(pos - 1) >> 3;
            if (r >= 0)
                prevRune = r;
        }
        // Check if start state matches directly (e.g., empty pattern)
        if (currentState.isMatch) {
            if (anchor === ANCHOR_BOTH) {
                if (pos === endPos)
                    return true;
            }
            else {
                return true;
            }
        }
        let i = pos;
        while (i < endPos) {
            const r = input.step(i);
            const rune = r >> 3;
            const width = r & 7;
            if (width === 0)
                break;
            // Compute context at position i (between prevRune and rune)
            const context = emptyOpContext(prevRune, rune);
            // Before consuming: check if EMPTY_WIDTH in current state resolves to MATCH
            if (currentState.hasEmptyWidth) {
                const { isMatch } = this.resolveEmptyWidth(currentState.nfaStates, context);
                if (isMatch) {
                    if (anchor === ANCHOR_BOTH) {
                        // Match at position i (before consuming rune) \u2014 only valid if i === endPos
                        // which can't happen in this loop, so skip
                    }
                    else {
                        return true;
                    }
                }
            }
            // Consume rune and transition to next state
            if (!currentState.hasEmptyWidth &&
                anchor === UNANCHORED &&
                rune <= MAX_ASCII) {
                currentState =
                    currentState.nextAscii[rune] ||
                        this.step(currentState, rune, anchor, context);
            }
            else {
                currentState = this.step(currentState, rune, anchor, context);
            }
            if (currentState === null)
                return null;
            // After consuming: check if new state is a match
            if (currentState.isMatch) {
                if (anchor === ANCHOR_BOTH) {
                    if (i + width === endPos)
                        return true;
                }
                else {
                    return true;
                }
            }
            if (currentState.nfaStates.length === 0) {
                if (anchor !== UNANCHORED)
                    return false;
            }
            prevRune = rune;
            i += width;
        }
        // After the loop: check EMPTY_WIDTH at end of text.
        // For all anchor modes, a resolved MATCH here means the pattern succeeded:
        // UNANCHORED/ANCHOR_START accept any match; ANCHOR_BOTH accepts it because
        // we have consumed the entire input up to endPos.
        if (currentState.hasEmptyWidth) {
            const endContext = emptyOpContext(prevRune, -1);
            const { isMatch } = this.resolveEmptyWidth(currentState.nfaStates, endContext);
            if (isMatch)
                return true;
        }
        return false;
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Regexp.js
/**
 * Regular expression abstract syntax tree. Produced by parser, used by compiler.
 */
class Regexp {
    static Op = {
        NO_MATCH: 0,
        EMPTY_MATCH: 1,
        LITERAL: 2,
        CHAR_CLASS: 3,
        ANY_CHAR_NOT_NL: 4,
        ANY_CHAR: 5,
        BEGIN_LINE: 6,
        END_LINE: 7,
        BEGIN_TEXT: 8,
        END_TEXT: 9,
        WORD_BOUNDARY: 10,
        NO_WORD_BOUNDARY: 11,
        CAPTURE: 12,
        STAR: 13,
        PLUS: 14,
        QUEST: 15,
        REPEAT: 16,
        CONCAT: 17,
        ALTERNATE: 18,
        LEFT_PAREN: 19,
        VERTICAL_BAR: 20,
    };
    static isPseudoOp(op) {
        return op >= Regexp.Op.LEFT_PAREN;
    }
    static emptySubs() {
        return [];
    }
    static fromRegexp(re) {
        const regex = new Regexp(re.op);
        regex.flags = re.flags;
        regex.subs = re.subs;
        regex.runes = re.runes;
        regex.cap = re.cap;
        regex.min = re.min;
        regex.max = re.max;
        regex.name = re.name;
        regex.namedGroups = re.namedGroups;
        return regex;
    }
    op;
    flags;
    subs;
    runes;
    min;
    max;
    cap;
    name;
    namedGroups;
    constructor(op) {
        this.op = op; // operator
        this.flags = 0; // bitmap of parse flags
        // subexpressions, if any.  Never null.
        // subs[0] is used as the freelist.
        this.subs = Regexp.emptySubs();
        this.runes = []; // matched runes, for LITERAL, CHAR_CLASS
        this.min = 0; // min for REPEAT
        this.max = 0; // max for REPEAT
        this.cap = 0; // capturing index, for CAPTURE
        this.name = null; // capturing name, for CAPTURE
        this.namedGroups = new Map();
    }
    reinit() {
        this.flags = 0;
        this.subs = Regexp.emptySubs();
        this.runes = [];
        this.cap = 0;
        this.min = 0;
        this.max = 0;
        this.name = null;
        this.namedGroups = new Map();
    }
    // maxCap() walks the regexp to find the maximum capture index.
    maxCap() {
        let m = 0;
        if (this.op === Regexp.Op.CAPTURE) {
            m = this.cap;
        }
        if (this.subs !== null) {
            for (let sub of this.subs) {
                const n = sub.maxCap();
                if (m < n) {
                    m = n;
                }
            }
        }
        return m;
    }
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Prefilter.js


class Prefilter {
    type;
    subs;
    str;
    static Type = { NONE: 0, EXACT: 1, AND: 2, OR: 3 };
    constructor(type) {
        this.type = type;
        this.subs = [];
        this.str = "";
    }
    eval(input, pos) {
        switch (this.type) {
            case Prefilter.Type.NONE:
                return true;
            case Prefilter.Type.EXACT:
                return input.hasString(this, pos);
            case Prefilter.Type.AND:
                for (let i = 0; i < this.subs.length; i++) {
                    if (!this.subs[i].eval(input, pos))
                        return false;
                }
                return true;
            case Prefilter.Type.OR:
                for (let i = 0; i < this.subs.length; i++) {
                    if (this.subs[i].eval(input, pos))
                        return true;
                }
                return false;
            default:
                return true;
        }
    }
}
const fromRegexp = (re) => {
    if (!re)
        return new Prefilter(Prefilter.Type.NONE);
    switch (re.op) {
        case Regexp.Op.NO_MATCH:
        case Regexp.Op.EMPTY_MATCH:
        case Regexp.Op.BEGIN_LINE:
        case Regexp.Op.END_LINE:
        case Regexp.Op.BEGIN_TEXT:
        case Regexp.Op.END_TEXT:
        case Regexp.Op.WORD_BOUNDARY:
        case Regexp.Op.NO_WORD_BOUNDARY:
        case Regexp.Op.CHAR_CLASS:
        case Regexp.Op.ANY_CHAR_NOT_NL:
        case Regexp.Op.ANY_CHAR: {
            return new Prefilter(Prefilter.Type.NONE);
        }
        case Regexp.Op.LITERAL: {
            if (re.runes.length === 0 || (re.flags & FOLD_CASE) !== 0) {
                // Skip case-folded literals for simplicity
                return new Prefilter(Prefilter.Type.NONE);
            }
            const pf = new Prefilter(Prefilter.Type.EXACT);
            let str = "";
            for (let i = 0; i < re.runes.length; i++) {
                str += String.fromCodePoint(re.runes[i]);
            }
            pf.str = str;
            return pf;
        }
        case Regexp.Op.CAPTURE:
        case Regexp.Op.PLUS: {
            return fromRegexp(re.subs[0]);
        }
        case Regexp.Op.REPEAT: {
            if (re.min >= 1) {
                return fromRegexp(re.subs[0]);
            }
            return new Prefilter(Prefilter.Type.NONE);
        }
        case Regexp.Op.CONCAT: {
            const pf = new Prefilter(Prefilter.Type.AND);
            for (const sub of re.subs) {
                pf.subs.push(fromRegexp(sub));
            }
            return pf;
        }
        case Regexp.Op.ALTERNATE: {
            const pf = new Prefilter(Prefilter.Type.OR);
            for (const sub of re.subs) {
                pf.subs.push(fromRegexp(sub));
            }
            return pf;
        }
        default:
            return new Prefilter(Prefilter.Type.NONE);
    }
};
const simplify = (pf) => {
    if (pf.type === Prefilter.Type.EXACT || pf.type === Prefilter.Type.NONE) {
        return pf;
    }
    if (pf.type === Prefilter.Type.AND) {
        const newSubs = [];
        for (const sub of pf.subs) {
            const s = simplify(sub);
            if (s.type !== Prefilter.Type.NONE) {
                if (s.type === Prefilter.Type.AND) {
                    newSubs.push(...s.subs);
                }
                else {
                    newSubs.push(s);
                }
            }
        }
        if (newSubs.length === 0)
            return new Prefilter(Prefilter.Type.NONE);
        if (newSubs.length === 1)
            return newSubs[0];
        pf.subs = newSubs;
        return pf;
    }
    if (pf.type === Prefilter.Type.OR) {
        const newSubs = [];
        for (const sub of pf.subs) {
            const s = simplify(sub);
            if (s.type === Prefilter.Type.NONE) {
                // If any branch of an OR has no requirements, the whole OR has no requirements
                return new Prefilter(Prefilter.Type.NONE);
            }
            if (s.type === Prefilter.Type.OR) {
                newSubs.push(...s.subs);
            }
            else {
                newSubs.push(s);
            }
        }
        if (newSubs.length === 0)
            return new Prefilter(Prefilter.Type.NONE);
        if (newSubs.length === 1)
            return newSubs[0];
        // De-duplicate EXACT branches
        const seen = new Set();
        const uniqueSubs = [];
        for (const sub of newSubs) {
            if (sub.type === Prefilter.Type.EXACT) {
                if (!seen.has(sub.str)) {
                    seen.add(sub.str);
                    uniqueSubs.push(sub);
                }
            }
            else {
                uniqueSubs.push(sub);
            }
        }
        pf.subs = uniqueSubs;
        return pf;
    }
    return pf;
};
const PrefilterTree = {
    build: (re) => simplify(fromRegexp(re)),
};


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Prog.js


/**
 * A list of instruction pointers waiting to be patched.
 * Tracks both `head` and `tail` to allow O(1) appending during compilation.
 * * Values are encoded integers, not standard memory pointers:
 * - Program instruction index: `l >> 1`
 * - Patch `.out` field if: `(l & 1) === 0`
 * - Patch `.arg` field if: `(l & 1) === 1`
 * - `0` denotes an empty list.
 * * @see https://swtch.com/~rsc/regexp/regexp1.html
 */
class PatchList {
    head;
    tail;
    /**
     * @param {number} head - Encoded pointer to the start of the patch list.
     * @param {number} tail - Encoded pointer to the end of the patch list.
     */
    constructor(head = 0, tail = 0) {
        this.head = head;
        this.tail = tail;
    }
}
/**
 * A Prog is a compiled regular expression program.
 */
class Prog {
    inst;
    start;
    numCap;
    constructor() {
        this.inst = [];
        this.start = 0; // index of start instruction
        // number of CAPTURE insts in re
        // 2 => implicit ( and ) for whole match $0
        this.numCap = 2;
    }
    // Returns the instruction at the specified pc.
    // Precondition: pc > 0 && pc < numInst().
    getInst(pc) {
        return this.inst[pc];
    }
    // Returns the number of instructions in this program.
    numInst() {
        return this.inst.length;
    }
    // Adds a new instruction to this program, with operator |op| and |pc| equal
    // to |numInst()|.
    addInst(op) {
        this.inst.push(new Inst(op));
    }
    // skipNop() follows any no-op or capturing instructions and returns the
    // resulting instruction.
    skipNop(pc) {
        let i = this.inst[pc];
        while (i.op === Inst.NOP || i.op === Inst.CAPTURE) {
            i = this.inst[pc];
            pc = i.out;
        }
        return i;
    }
    // prefix() returns a pair of a literal string that all matches for the
    // regexp must start with, and a boolean which is true if the prefix is the
    // entire match.  The string is returned by appending to |prefix|.
    prefix() {
        let prefix = "";
        let i = this.skipNop(this.start);
        if (!Inst.isRuneOp(i.op) || i.runes.length !== 1) {
            return [i.op === Inst.MATCH, prefix];
        }
        while (Inst.isRuneOp(i.op) &&
            i.runes.length === 1 &&
            (i.arg & FOLD_CASE) === 0) {
            prefix += String.fromCodePoint(i.runes[0]);
            i = this.skipNop(i.out);
        }
        return [i.op === Inst.MATCH, prefix];
    }
    // startCond() returns the leading empty-width conditions that must be true
    // in any match.  It returns -1 (all bits set) if no matches are possible.
    startCond() {
        let flag = 0;
        let pc = this.start;
        loop: for (;;) {
            const i = this.inst[pc];
            switch (i.op) {
                case Inst.EMPTY_WIDTH:
                    flag |= i.arg;
                    break;
                case Inst.FAIL:
                    return -1;
                case Inst.CAPTURE:
                case Inst.NOP:
                    break;
                default:
                    break loop;
            }
            pc = i.out;
        }
        return flag;
    }
    // --- Patch list ---
    // A patchlist is a list of instruction pointers that need to be filled in
    // (patched).  Because the pointers haven't been filled in yet, we can reuse
    // their storage to hold the list.  It's kind of sleazy, but works well in
    // practice.  See http://swtch.com/~rsc/regexp/regexp1.html for inspiration.
    // These aren't really pointers: they're integers, so we can reinterpret them
    // this way without using package unsafe.  A value l denotes p.inst[l>>1].out
    // (l&1==0) or .arg (l&1==1).  l == 0 denotes the empty list, okay because we
    // start every program with a fail instruction, so we'll never want to point
    // at its output link.
    next(l) {
        const i = this.inst[l >> 1];
        if ((l & 1) === 0) {
            return i.out;
        }
        return i.arg;
    }
    patch(l, val) {
        let head = l.head;
        while (head !== 0) {
            const i = this.inst[head >> 1];
            if ((head & 1) === 0) {
                head = i.out;
                i.out = val;
            }
            else {
                head = i.arg;
                i.arg = val;
            }
        }
    }
    append(l1, l2) {
        if (l1.head === 0)
            return l2;
        if (l2.head === 0)
            return l1;
        // We know exactly where the tail is
        const i = this.inst[l1.tail >> 1];
        if ((l1.tail & 1) === 0) {
            i.out = l2.head;
        }
        else {
            i.arg = l2.head;
        }
        return new PatchList(l1.head, l2.tail);
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/exceptions.js
class RE2JSException extends Error {
    /** @param {string} message */
    constructor(message) {
        super(message);
        this.name = "RE2JSException";
    }
}
/**
 * An exception thrown by the parser if the pattern was invalid.
 */
class RE2JSSyntaxException extends RE2JSException {
    error;
    input;
    /**
     * @param {string} error
     * @param {string|null} [input=null]
     */
    constructor(error, input = null) {
        let message = `error parsing regexp: ${error}`;
        if (input) {
            message += `: \`${input}\``;
        }
        super(message);
        this.name = "RE2JSSyntaxException";
        this.message = message;
        /** @type {string} */
        this.error = error;
        /** @type {string|null} */
        this.input = input;
    }
    /**
     * Retrieves the description of the error.
     * @returns {string}
     */
    getDescription() {
        return this.error;
    }
    /**
     * Retrieves the erroneous regular-expression pattern.
     * @returns {string|null}
     */
    getPattern() {
        return this.input;
    }
}
/**
 * An exception thrown by the compiler
 */
class RE2JSCompileException extends RE2JSException {
    /** @param {string} message */
    constructor(message) {
        super(message);
        this.name = "RE2JSCompileException";
    }
}
/**
 * An exception thrown by using groups
 */
class RE2JSGroupException extends RE2JSException {
    /** @param {string} message */
    constructor(message) {
        super(message);
        this.name = "RE2JSGroupException";
    }
}
/**
 * An exception thrown by flags
 */
class RE2JSFlagsException extends RE2JSException {
    /** @param {string} message */
    constructor(message) {
        super(message);
        this.name = "RE2JSFlagsException";
    }
}
/**
 * An exception thrown for internal engine errors, such as corrupted bytecodes.
 */
class RE2JSInternalException extends RE2JSException {
    /** @param {string} message */
    constructor(message) {
        super(message);
        this.name = "RE2JSInternalException";
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Compiler.js







/**
 * A fragment of a compiled regular expression program.
 *
 * @see http://swtch.com/~rsc/regexp/regexp1.html
 * @class
 */
class Frag {
    i;
    out;
    nullable;
    constructor(i = 0, out = new PatchList(), nullable = false) {
        this.i = i; // an instruction address (pc).
        this.out = out; // a patch list; see explanation in Prog.js
        this.nullable = nullable; // whether the fragment can match the empty string
    }
}
/**
 * Compiler from {@code Regexp} (RE2 abstract syntax) to {@code RE2} (compiled regular expression).
 *
 * The only entry point is {@link #compileRegexp}.
 */
class Compiler {
    prog;
    static ANY_RUNE_NOT_NL() {
        return [0, 0x0a - 1, 0x0a + 1, MAX_RUNE];
    }
    static ANY_RUNE() {
        return [0, MAX_RUNE];
    }
    static compileRegexp(re) {
        const c = new Compiler();
        const f = c.compile(re);
        c.prog.patch(f.out, c.newInst(Inst.MATCH).i);
        c.prog.start = f.i;
        return c.prog;
    }
    constructor() {
        this.prog = new Prog();
        this.newInst(Inst.FAIL);
    }
    newInst(op) {
        this.prog.addInst(op);
        return new Frag(this.prog.numInst() - 1, new PatchList(), true);
    }
    // Returns a no-op fragment.  Sometimes unavoidable.
    nop() {
        const f = this.newInst(Inst.NOP);
        f.out = new PatchList(f.i << 1, f.i << 1);
        return f;
    }
    fail() {
        return new Frag();
    }
    // Given fragment a, returns (a) capturing as \n.
    // Given a fragment a, returns a fragment with capturing parens around a.
    cap(arg) {
        const f = this.newInst(Inst.CAPTURE);
        f.out = new PatchList(f.i << 1, f.i << 1);
        this.prog.getInst(f.i).arg = arg;
        if (this.prog.numCap < arg + 1) {
            this.prog.numCap = arg + 1;
        }
        return f;
    }
    // Given fragments a and b, returns ab; a|b
    cat(f1, f2) {
        // concat of failure is failure
        if (f1.i === 0 || f2.i === 0) {
            return this.fail();
        }
        // eslint-disable-next-line no-warning-comments
        // TODO(rsc): elide nop
        this.prog.patch(f1.out, f2.i);
        return new Frag(f1.i, f2.out, f1.nullable && f2.nullable);
    }
    // Given fragments for a and b, returns fragment for a|b.
    alt(f1, f2) {
        // alt of failure is other
        if (f1.i === 0) {
            return f2;
        }
        if (f2.i === 0) {
            return f1;
        }
        const f = this.newInst(Inst.ALT);
        const i = this.prog.getInst(f.i);
        i.out = f1.i;
        i.arg = f2.i;
        f.out = this.prog.append(f1.out, f2.out);
        f.nullable = f1.nullable || f2.nullable;
        return f;
    }
    // loop returns the fragment for the main loop of a plus or star.
    // For plus, it can be used directly. with f1.i as the entry.
    // For star, it can be used directly when f1 can't match an empty string.
    // (When f1 can match an empty string, f1* must be implemented as (f1+)?
    // to get the priority match order correct.)
    loop(f1, nongreedy) {
        const f = this.newInst(Inst.ALT);
        const i = this.prog.getInst(f.i);
        if (nongreedy) {
            i.arg = f1.i;
            f.out = new PatchList(f.i << 1, f.i << 1);
        }
        else {
            i.out = f1.i;
            f.out = new PatchList((f.i << 1) | 1, (f.i << 1) | 1);
        }
        this.prog.patch(f1.out, f.i);
        return f;
    }
    // Given a fragment for a, returns a fragment for a? or a?? (if nongreedy)
    quest(f1, nongreedy) {
        const f = this.newInst(Inst.ALT);
        const i = this.prog.getInst(f.i);
        if (nongreedy) {
            i.arg = f1.i;
            f.out = new PatchList(f.i << 1, f.i << 1);
        }
        else {
            i.out = f1.i;
            f.out = new PatchList((f.i << 1) | 1, (f.i << 1) | 1);
        }
        f.out = this.prog.append(f.out, f1.out);
        return f;
    }
    // Given a fragment a, returns a fragment for a* or a*? (if nongreedy)
    star(f1, nongreedy) {
        if (f1.nullable) {
            return this.quest(this.plus(f1, nongreedy), nongreedy);
        }
        return this.loop(f1, nongreedy);
    }
    // Given a fragment for a, returns a fragment for a+ or a+? (if nongreedy)
    plus(f1, nongreedy) {
        return new Frag(f1.i, this.loop(f1, nongreedy).out, f1.nullable);
    }
    // op is a bitmask of EMPTY_* flags.
    empty(op) {
        const f = this.newInst(Inst.EMPTY_WIDTH);
        this.prog.getInst(f.i).arg = op;
        f.out = new PatchList(f.i << 1, f.i << 1);
        return f;
    }
    // flags : parser flags
    rune(runes, flags) {
        const f = this.newInst(Inst.RUNE);
        f.nullable = false;
        const i = this.prog.getInst(f.i);
        i.runes = runes;
        flags &= FOLD_CASE;
        if (runes.length !== 1 || simpleFold(runes[0]) === runes[0]) {
            flags &= ~FOLD_CASE;
        }
        i.arg = flags;
        f.out = new PatchList(f.i << 1, f.i << 1);
        if (((flags & FOLD_CASE) === 0 && runes.length === 1) ||
            (runes.length === 2 && runes[0] === runes[1])) {
            i.op = Inst.RUNE1;
        }
        else if (runes.length === 2 && runes[0] === 0 && runes[1] === MAX_RUNE) {
            i.op = Inst.RUNE_ANY;
        }
        else if (runes.length === 4 &&
            runes[0] === 0 &&
            runes[1] === 0x0a - 1 &&
            runes[2] === 0x0a + 1 &&
            runes[3] === MAX_RUNE) {
            i.op = Inst.RUNE_ANY_NOT_NL;
        }
        return f;
    }
    compile(re) {
        switch (re.op) {
            case Regexp.Op.NO_MATCH:
                return this.fail();
            case Regexp.Op.EMPTY_MATCH:
                return this.nop();
            case Regexp.Op.LITERAL:
                if (re.runes.length === 0) {
                    return this.nop();
                }
                let f = null;
                for (let r of re.runes) {
                    const f1 = this.rune([r], re.flags);
                    f = f === null ? f1 : this.cat(f, f1);
                }
                return f;
            case Regexp.Op.CHAR_CLASS:
                return this.rune(re.runes, re.flags);
            case Regexp.Op.ANY_CHAR_NOT_NL:
                return this.rune(Compiler.ANY_RUNE_NOT_NL(), 0);
            case Regexp.Op.ANY_CHAR:
                return this.rune(Compiler.ANY_RUNE(), 0);
            case Regexp.Op.BEGIN_LINE:
                return this.empty(EMPTY_BEGIN_LINE);
            case Regexp.Op.END_LINE:
                return this.empty(EMPTY_END_LINE);
            case Regexp.Op.BEGIN_TEXT:
                return this.empty(EMPTY_BEGIN_TEXT);
            case Regexp.Op.END_TEXT:
                return this.empty(EMPTY_END_TEXT);
            case Regexp.Op.WORD_BOUNDARY:
                return this.empty(EMPTY_WORD_BOUNDARY);
            case Regexp.Op.NO_WORD_BOUNDARY:
                return this.empty(EMPTY_NO_WORD_BOUNDARY);
            case Regexp.Op.CAPTURE: {
                const bra = this.cap(re.cap << 1);
                const sub = this.compile(re.subs[0]);
                const ket = this.cap((re.cap << 1) | 1);
                return this.cat(this.cat(bra, sub), ket);
            }
            case Regexp.Op.STAR:
                return this.star(this.compile(re.subs[0]), (re.flags & NON_GREEDY) !== 0);
            case Regexp.Op.PLUS:
                return this.plus(this.compile(re.subs[0]), (re.flags & NON_GREEDY) !== 0);
            case Regexp.Op.QUEST:
                return this.quest(this.compile(re.subs[0]), (re.flags & NON_GREEDY) !== 0);
            case Regexp.Op.CONCAT: {
                if (re.subs.length === 0) {
                    return this.nop();
                }
                let f = null;
                for (let sub of re.subs) {
                    const f1 = this.compile(sub);
                    f = f === null ? f1 : this.cat(f, f1);
                }
                if (f === null) {
                    throw new Error("invalid frag");
                }
                return f;
            }
            case Regexp.Op.ALTERNATE: {
                if (re.subs.length === 0) {
                    return this.nop();
                }
                let f = null;
                for (let sub of re.subs) {
                    const f1 = this.compile(sub);
                    f = f === null ? f1 : this.alt(f, f1);
                }
                if (f === null) {
                    throw new Error("invalid frag");
                }
                return f;
            }
            default:
                throw new RE2JSCompileException("regexp: unhandled case in compile");
        }
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Simplify.js



// simplify returns a regexp equivalent to re but without counted
// repetitions and with various other simplifications, such as
// rewriting /(?:a+)+/ to /a+/.  The resulting regexp will execute
// correctly but its string representation will not produce the same
// parse tree, because capturing parentheses may have been duplicated
// or removed.  For example, the simplified form for /(x){1,2}/ is
// /(x)(x)?/ but both parentheses capture as $1.  The returned regexp
// may share structure with or be the original.
function Simplify_simplify(re) {
    switch (re.op) {
        case Regexp.Op.CAPTURE: {
            const sub = Simplify_simplify(re.subs[0]);
            if (sub !== re.subs[0]) {
                const nre = Regexp.fromRegexp(re);
                nre.runes = [];
                nre.subs = [sub];
                return nre;
            }
            return re;
        }
        case Regexp.Op.CONCAT:
        case Regexp.Op.ALTERNATE: {
            const newSubs = [];
            let changed = false;
            for (let i = 0; i < re.subs.length; i++) {
                const sub = re.subs[i];
                const nsub = Simplify_simplify(sub);
                if (nsub !== sub) {
                    changed = true;
                }
                if (re.op === Regexp.Op.CONCAT) {
                    // If any part of a CONCAT is mathematically impossible,
                    // the entire CONCAT sequence becomes impossible.
                    if (nsub.op === Regexp.Op.NO_MATCH) {
                        return new Regexp(Regexp.Op.NO_MATCH);
                    }
                    // Drop empty 0-width match nodes entirely from sequences
                    if (nsub.op === Regexp.Op.EMPTY_MATCH) {
                        changed = true;
                        continue;
                    }
                    // Flatten nested concatenations
                    if (nsub.op === Regexp.Op.CONCAT) {
                        changed = true;
                        newSubs.push(...nsub.subs);
                        continue;
                    }
                }
                else if (re.op === Regexp.Op.ALTERNATE) {
                    // Drop impossible branches from alternations
                    if (nsub.op === Regexp.Op.NO_MATCH) {
                        changed = true;
                        continue;
                    }
                    // Flatten nested alternations
                    if (nsub.op === Regexp.Op.ALTERNATE) {
                        changed = true;
                        newSubs.push(...nsub.subs);
                        continue;
                    }
                }
                newSubs.push(nsub);
            }
            if (changed) {
                // If we filtered out all nodes, return the mathematically correct fallback
                if (newSubs.length === 0) {
                    return new Regexp(re.op === Regexp.Op.CONCAT
                        ? Regexp.Op.EMPTY_MATCH
                        : Regexp.Op.NO_MATCH);
                }
                // If only 1 node remains, we don't need a CONCAT/ALT container at all
                if (newSubs.length === 1) {
                    return newSubs[0];
                }
                const nre = Regexp.fromRegexp(re);
                nre.runes = [];
                nre.subs = newSubs;
                return nre;
            }
            return re;
        }
        case Regexp.Op.CHAR_CLASS: {
            if (re.runes === null)
                return re;
            // Empty character classes match nothing.
            if (re.runes.length === 0) {
                return new Regexp(Regexp.Op.NO_MATCH);
            }
            // Full character classes match everything.
            if (re.runes.length === 2 &&
                re.runes[0] === 0 &&
                re.runes[1] === MAX_RUNE) {
                return new Regexp(Regexp.Op.ANY_CHAR);
            }
            // Standard catch-all except newline
            if (re.runes.length === 4 &&
                re.runes[0] === 0 &&
                re.runes[1] === 0x0a - 1 &&
                re.runes[2] === 0x0a + 1 &&
                re.runes[3] === MAX_RUNE) {
                return new Regexp(Regexp.Op.ANY_CHAR_NOT_NL);
            }
            return re;
        }
        case Regexp.Op.STAR:
        case Regexp.Op.PLUS:
        case Regexp.Op.QUEST: {
            const sub = Simplify_simplify(re.subs[0]);
            return simplify1(re.op, re.flags, sub, re);
        }
        case Regexp.Op.REPEAT: {
            // Special special case: x{0} matches the empty string
            // and doesn't even need to consider x.
            if (re.min === 0 && re.max === 0) {
                return new Regexp(Regexp.Op.EMPTY_MATCH);
            }
            // The fun begins.
            const sub = Simplify_simplify(re.subs[0]);
            // x{n,} means at least n matches of x.
            if (re.max === -1) {
                // Special case: x{0,} is x*.
                if (re.min === 0) {
                    return simplify1(Regexp.Op.STAR, re.flags, sub, null);
                }
                // Special case: x{1,} is x+.
                if (re.min === 1) {
                    return simplify1(Regexp.Op.PLUS, re.flags, sub, null);
                }
                // General case: x{4,} is xxxx+.
                const nre = new Regexp(Regexp.Op.CONCAT);
                const subs = [];
                for (let i = 0; i < re.min - 1; i++) {
                    subs.push(sub);
                }
                subs.push(simplify1(Regexp.Op.PLUS, re.flags, sub, null));
                nre.subs = subs.slice(0);
                // Ensure newly created CONCAT is properly flattened
                return Simplify_simplify(nre);
            }
            // Special case x{0} handled above.
            // Special case: x{1} is just x.
            if (re.min === 1 && re.max === 1) {
                return sub;
            }
            // General case: x{n,m} means n copies of x and m copies of x?
            // The machine will do less work if we nest the final m copies,
            // so that x{2,5} = xx(x(x(x)?)?)?
            // Build leading prefix: xx.
            let prefixSubs = null;
            if (re.min > 0) {
                prefixSubs = [];
                for (let i = 0; i < re.min; i++) {
                    prefixSubs.push(sub);
                }
            }
            // Build and attach suffix: (x(x(x)?)?)?
            if (re.max > re.min) {
                let suffix = simplify1(Regexp.Op.QUEST, re.flags, sub, null);
                for (let i = re.min + 1; i < re.max; i++) {
                    const nre2 = new Regexp(Regexp.Op.CONCAT);
                    nre2.subs = [sub, suffix];
                    suffix = simplify1(Regexp.Op.QUEST, re.flags, nre2, null);
                }
                if (prefixSubs === null) {
                    return suffix;
                }
                prefixSubs.push(suffix);
            }
            if (prefixSubs !== null) {
                const prefix = new Regexp(Regexp.Op.CONCAT);
                prefix.subs = prefixSubs.slice(0);
                // Ensure newly created CONCAT is properly flattened
                return Simplify_simplify(prefix);
            }
            // Some degenerate case like min > max or min < max < 0.
            // Handle as impossible match.
            return new Regexp(Regexp.Op.NO_MATCH);
        }
    }
    return re;
}
// simplify1 implements Simplify for the unary OpStar,
// OpPlus, and OpQuest operators.  It returns the simple regexp
// equivalent to
//
//      Regexp{Op: op, Flags: flags, Sub: {sub}}
//
// under the assumption that sub is already simple, and
// without first allocating that structure.  If the regexp
// to be returned turns out to be equivalent to re, simplify1
// returns re instead.
//
// simplify1 is factored out of Simplify because the implementation
// for other operators generates these unary expressions.
// Letting them call simplify1 makes sure the expressions they
// generate are simple.
function simplify1(op, flags, sub, re) {
    // Special case: repeat the empty string as much as
    // you want, but it's still the empty string.
    if (sub.op === Regexp.Op.EMPTY_MATCH) {
        return sub;
    }
    // Handle impossible targets gracefully.
    // e.g. Trying to match "NO_MATCH" 0 or 1 times (QUEST/STAR) evaluates to EMPTY_MATCH.
    if (sub.op === Regexp.Op.NO_MATCH) {
        if (op === Regexp.Op.PLUS)
            return sub; // 1+ times is impossible
        return new Regexp(Regexp.Op.EMPTY_MATCH);
    }
    // The operators are idempotent if the flags match.
    if (op === sub.op && (flags & NON_GREEDY) === (sub.flags & NON_GREEDY)) {
        return sub;
    }
    if (re !== null &&
        re.op === op &&
        (re.flags & NON_GREEDY) === (flags & NON_GREEDY) &&
        sub === re.subs[0]) {
        return re;
    }
    const nre = new Regexp(op);
    nre.flags = flags;
    nre.subs = [sub];
    return nre;
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/CharGroup.js
// GENERATED BY tools/scripts/make_perl_groups.pl; DO NOT EDIT.
// ./tools/scripts/make_perl_groups.pl  > src/CharGroup.js
class CharGroup {
    sign;
    cls;
    constructor(sign, cls) {
        this.sign = sign;
        this.cls = cls;
    }
}
const code1 = [0x30, 0x39];
const code2 = [0x9, 0xa, 0xc, 0xd, 0x20, 0x20];
const code3 = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
let _PERL_GROUPS = null;
const getPerlGroups = () => {
    if (!_PERL_GROUPS) {
        _PERL_GROUPS = new Map([
            ["\\d", new CharGroup(+1, code1)],
            ["\\D", new CharGroup(-1, code1)],
            ["\\s", new CharGroup(+1, code2)],
            ["\\S", new CharGroup(-1, code2)],
            ["\\w", new CharGroup(+1, code3)],
            ["\\W", new CharGroup(-1, code3)],
        ]);
    }
    return _PERL_GROUPS;
};
const code4 = [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a];
const code5 = [0x41, 0x5a, 0x61, 0x7a];
const code6 = [0x0, 0x7f];
const code7 = [0x9, 0x9, 0x20, 0x20];
const code8 = [0x0, 0x1f, 0x7f, 0x7f];
const code9 = [0x30, 0x39];
const code10 = [0x21, 0x7e];
const code11 = [0x61, 0x7a];
const code12 = [0x20, 0x7e];
const code13 = [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e];
const code14 = [0x9, 0xd, 0x20, 0x20];
const code15 = [0x41, 0x5a];
const code16 = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
const code17 = [0x30, 0x39, 0x41, 0x46, 0x61, 0x66];
let _POSIX_GROUPS = null;
const getPosixGroups = () => {
    if (!_POSIX_GROUPS) {
        _POSIX_GROUPS = new Map([
            ["[:alnum:]", new CharGroup(+1, code4)],
            ["[:^alnum:]", new CharGroup(-1, code4)],
            ["[:alpha:]", new CharGroup(+1, code5)],
            ["[:^alpha:]", new CharGroup(-1, code5)],
            ["[:ascii:]", new CharGroup(+1, code6)],
            ["[:^ascii:]", new CharGroup(-1, code6)],
            ["[:blank:]", new CharGroup(+1, code7)],
            ["[:^blank:]", new CharGroup(-1, code7)],
            ["[:cntrl:]", new CharGroup(+1, code8)],
            ["[:^cntrl:]", new CharGroup(-1, code8)],
            ["[:digit:]", new CharGroup(+1, code9)],
            ["[:^digit:]", new CharGroup(-1, code9)],
            ["[:graph:]", new CharGroup(+1, code10)],
            ["[:^graph:]", new CharGroup(-1, code10)],
            ["[:lower:]", new CharGroup(+1, code11)],
            ["[:^lower:]", new CharGroup(-1, code11)],
            ["[:print:]", new CharGroup(+1, code12)],
            ["[:^print:]", new CharGroup(-1, code12)],
            ["[:punct:]", new CharGroup(+1, code13)],
            ["[:^punct:]", new CharGroup(-1, code13)],
            ["[:space:]", new CharGroup(+1, code14)],
            ["[:^space:]", new CharGroup(-1, code14)],
            ["[:upper:]", new CharGroup(+1, code15)],
            ["[:^upper:]", new CharGroup(-1, code15)],
            ["[:word:]", new CharGroup(+1, code16)],
            ["[:^word:]", new CharGroup(-1, code16)],
            ["[:xdigit:]", new CharGroup(+1, code17)],
            ["[:^xdigit:]", new CharGroup(-1, code17)],
        ]);
    }
    return _POSIX_GROUPS;
};


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/CharClass.js



/**
 * A "builder"-style helper class for manipulating character classes represented as an array of
 * pairs of runes [lo, hi], each denoting an inclusive interval.
 *
 * All methods mutate the internal state and return {@code this}, allowing operations to be chained.
 */
class CharClass {
    // cmp() returns the ordering of the pair (a[i], a[i+1]) relative to
    // (pivotFrom, pivotTo), where the first component of the pair (lo) is
    // ordered naturally and the second component (hi) is in reverse order.
    static cmp(array, i, pivotFrom, pivotTo) {
        const cmp = array[i] - pivotFrom;
        return cmp !== 0 ? cmp : pivotTo - array[i + 1];
    }
    // qsortIntPair() quicksorts pairs of ints in |array| according to lt().
    // Precondition: |left|, |right|, |this.len| must all be even; |this.len > 1|.
    static qsortIntPair(array, left, right) {
        const pivotIndex = (((left + right) / 2) | 0) & ~1;
        const pivotFrom = array[pivotIndex];
        const pivotTo = array[pivotIndex + 1];
        let i = left;
        let j = right;
        while (i <= j) {
            while (i < right && CharClass.cmp(array, i, pivotFrom, pivotTo) < 0) {
                i += 2;
            }
            while (j > left && CharClass.cmp(array, j, pivotFrom, pivotTo) > 0) {
                j -= 2;
            }
            if (i <= j) {
                if (i !== j) {
                    let temp = array[i];
                    array[i] = array[j];
                    array[j] = temp;
                    temp = array[i + 1];
                    array[i + 1] = array[j + 1];
                    array[j + 1] = temp;
                }
                i += 2;
                j -= 2;
            }
        }
        if (left < j) {
            CharClass.qsortIntPair(array, left, j);
        }
        if (i < right) {
            CharClass.qsortIntPair(array, i, right);
        }
    }
    r;
    len;
    constructor(r = emptyInts()) {
        this.r = r; // inclusive ranges, pairs of [lo,hi].  r.length is even.
        this.len = r.length; // prefix of |r| that is defined.  Even.
    }
    // Returns the character class as an int array.  Subsequent CharClass
    // operations may mutate this array, so typically this is the last operation
    // performed on a given CharClass instance.
    toArray() {
        if (this.len === this.r.length) {
            return this.r;
        }
        return this.r.slice(0, this.len);
    }
    // cleanClass() sorts the ranges (pairs of elements) of this CharClass,
    // merges them, and eliminates duplicates.
    cleanClass() {
        if (this.len < 4) {
            return this;
        }
        // Sort by lo increasing, hi decreasing to break ties.
        CharClass.qsortIntPair(this.r, 0, this.len - 2);
        // Merge abutting, overlapping.
        let w = 2; // write index
        for (let i = 2; i < this.len; i += 2) {
            {
                const lo = this.r[i];
                const hi = this.r[i + 1];
                if (lo <= this.r[w - 1] + 1) {
                    // merge with previous range
                    if (hi > this.r[w - 1]) {
                        this.r[w - 1] = hi;
                    }
                    continue;
                }
                // new disjoint range
                this.r[w] = lo;
                this.r[w + 1] = hi;
                w += 2;
            }
        }
        this.len = w;
        return this;
    }
    // appendLiteral() appends the literal |x| to this CharClass.
    appendLiteral(x, flags) {
        return (flags & FOLD_CASE) !== 0
            ? this.appendFoldedRange(x, x)
            : this.appendRange(x, x);
    }
    // appendRange() appends the range [lo-hi] (inclusive) to this CharClass.
    appendRange(lo, hi) {
        // Expand last range or next to last range if it overlaps or abuts.
        // Checking two ranges helps when appending case-folded
        // alphabets, so that one range can be expanding A-Z and the
        // other expanding a-z.
        if (this.len > 0) {
            for (let i = 2; i <= 4; i += 2) {
                // twice, using i=2, i=4
                if (this.len >= i) {
                    const rlo = this.r[this.len - i];
                    const rhi = this.r[this.len - i + 1];
                    if (lo <= rhi + 1 && rlo <= hi + 1) {
                        if (lo < rlo) {
                            this.r[this.len - i] = lo;
                        }
                        if (hi > rhi) {
                            this.r[this.len - i + 1] = hi;
                        }
                        return this;
                    }
                }
            }
        }
        this.r[this.len++] = lo;
        this.r[this.len++] = hi;
        return this;
    }
    // appendFoldedRange() appends the range [lo-hi] and its case
    // folding-equivalent runes to this CharClass.
    appendFoldedRange(lo, hi) {
        // Optimizations.
        if (lo <= MIN_FOLD && hi >= MAX_FOLD) {
            // Range is full: folding can't add more.
            return this.appendRange(lo, hi);
        }
        if (hi < MIN_FOLD || lo > MAX_FOLD) {
            // Range is outside folding possibilities.
            return this.appendRange(lo, hi);
        }
        if (lo < MIN_FOLD) {
            // [lo, minFold-1] needs no folding.
            this.appendRange(lo, MIN_FOLD - 1);
            lo = MIN_FOLD;
        }
        if (hi > MAX_FOLD) {
            // [maxFold+1, hi] needs no folding.
            this.appendRange(MAX_FOLD + 1, hi);
            hi = MAX_FOLD;
        }
        // Brute force.  Depend on appendRange to coalesce ranges on the fly.
        for (let c = lo; c <= hi; c++) {
            this.appendRange(c, c);
            for (let f = simpleFold(c); f !== c; f = simpleFold(f)) {
                this.appendRange(f, f);
            }
        }
        return this;
    }
    // appendClass() appends the class |x| to this CharClass.
    // It assumes |x| is clean.  Does not mutate |x|.
    appendClass(x) {
        for (let i = 0; i < x.length; i += 2) {
            this.appendRange(x[i], x[i + 1]);
        }
        return this;
    }
    // appendFoldedClass() appends the case folding of the class |x| to this
    // CharClass.  Does not mutate |x|.
    appendFoldedClass(x) {
        for (let i = 0; i < x.length; i += 2) {
            this.appendFoldedRange(x[i], x[i + 1]);
        }
        return this;
    }
    // appendNegatedClass() append the negation of the class |x| to this
    // CharClass.  It assumes |x| is clean.  Does not mutate |x|.
    appendNegatedClass(x) {
        let nextLo = 0;
        for (let i = 0; i < x.length; i += 2) {
            const lo = x[i];
            const hi = x[i + 1];
            if (nextLo <= lo - 1) {
                this.appendRange(nextLo, lo - 1);
            }
            nextLo = hi + 1;
        }
        if (nextLo <= MAX_RUNE) {
            this.appendRange(nextLo, MAX_RUNE);
        }
        return this;
    }
    // appendTable() appends the Unicode range table |table| to this CharClass.
    // Does not mutate |table|.
    appendTable(table) {
        for (let i = 0; i < table.length; ++i) {
            const lo = table.getLo(i);
            const hi = table.getHi(i);
            const stride = table.getStride(i);
            if (stride === 1) {
                this.appendRange(lo, hi);
                continue;
            }
            for (let c = lo; c <= hi; c += stride) {
                this.appendRange(c, c);
            }
        }
        return this;
    }
    // appendNegatedTable() returns the result of appending the negation of range
    // table |table| to this CharClass.  Does not mutate |table|.
    appendNegatedTable(table) {
        let nextLo = 0;
        for (let i = 0; i < table.length; ++i) {
            const lo = table.getLo(i);
            const hi = table.getHi(i);
            const stride = table.getStride(i);
            if (stride === 1) {
                if (nextLo <= lo - 1) {
                    this.appendRange(nextLo, lo - 1);
                }
                nextLo = hi + 1;
                continue;
            }
            for (let c = lo; c <= hi; c += stride) {
                if (nextLo <= c - 1) {
                    this.appendRange(nextLo, c - 1);
                }
                nextLo = c + 1;
            }
        }
        if (nextLo <= MAX_RUNE) {
            this.appendRange(nextLo, MAX_RUNE);
        }
        return this;
    }
    // appendTableWithSign() calls append{,Negated}Table depending on sign.
    // Does not mutate |table|.
    appendTableWithSign(table, sign) {
        return sign < 0 ? this.appendNegatedTable(table) : this.appendTable(table);
    }
    // negateClass() negates this CharClass, which must already be clean.
    negateClass() {
        let nextLo = 0; // lo end of next class to add
        let w = 0; // write index
        for (let i = 0; i < this.len; i += 2) {
            const lo = this.r[i];
            const hi = this.r[i + 1];
            if (nextLo <= lo - 1) {
                this.r[w] = nextLo;
                this.r[w + 1] = lo - 1;
                w += 2;
            }
            nextLo = hi + 1;
        }
        this.len = w;
        if (nextLo <= MAX_RUNE) {
            this.r[this.len++] = nextLo;
            this.r[this.len++] = MAX_RUNE;
        }
        return this;
    }
    // appendClassWithSign() calls appendClass() if sign is +1 or
    // appendNegatedClass if sign is -1.  Does not mutate |x|.
    appendClassWithSign(x, sign) {
        return sign < 0 ? this.appendNegatedClass(x) : this.appendClass(x);
    }
    // appendGroup() appends CharGroup |g| to this CharClass, folding iff
    // |foldCase|.  Does not mutate |g|.
    appendGroup(g, foldCase) {
        let cls = g.cls;
        if (foldCase) {
            cls = new CharClass().appendFoldedClass(cls).cleanClass().toArray();
        }
        return this.appendClassWithSign(cls, g.sign);
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/Parser.js










// StringIterator: a stream of runes with an opaque cursor, permitting
// rewinding.  The units of the cursor are not specified beyond the
// fact that ASCII characters are single width.  (Cursor positions
// could be UTF-8 byte indices, UTF-16 code indices or rune indices.)
//
// In particular, be careful with:
// - skip: only use this to advance over ASCII characters
//   since these always have a width of 1.
// - skipString: only use this to advance over strings which are
//   known to be at the current position, e.g. due to prior call to
//   lookingAt().
// Only use pop() to advance over possibly non-ASCII runes.
class StringIterator {
    str;
    position;
    constructor(str) {
        this.str = str;
        this.position = 0;
    }
    // Returns the cursor position.  Do not interpret the result!
    pos() {
        return this.position;
    }
    // Resets the cursor position to a previous value returned by pos().
    rewindTo(pos) {
        this.position = pos;
    }
    // Returns true unless the stream is exhausted.
    more() {
        return this.position < this.str.length;
    }
    // Returns the rune at the cursor position.
    // Precondition: |more()|.
    peek() {
        return codePointAtOrThrow(this.str, this.position);
    }
    // Advances the cursor by |n| positions, which must be ASCII runes.
    //
    // (In practise, this is only ever used to skip over regexp
    // metacharacters that are ASCII, so there is no numeric difference
    // between indices into  UTF-8 bytes, UTF-16 codes and runes.)
    skip(n) {
        this.position += n;
    }
    // Advances the cursor by the number of cursor positions in |s|.
    skipString(s) {
        this.position += s.length;
    }
    // Returns the rune at the cursor position, and advances the cursor
    // past it.  Precondition: |more()|.
    pop() {
        const r = codePointAtOrThrow(this.str, this.position);
        this.position += charCount(r);
        return r;
    }
    lookingAt(s) {
        return this.str.startsWith(s, this.position);
    }
    // Returns the rest of the pattern from the current position.
    rest() {
        return this.str.substring(this.position);
    }
    // Returns the substring from |beforePos| to the current position.
    // |beforePos| must have been previously returned by |pos()|.
    from(beforePos) {
        return this.str.substring(beforePos, this.position);
    }
    toString() {
        return this.rest();
    }
}
/**
 * A parser of regular expression patterns.
 *
 * The only public entry point is {@link #parse(String pattern, int flags)}.
 */
class Parser {
    // Parse errors
    static ERR_INVALID_CHAR_RANGE = "invalid character class range";
    static ERR_INVALID_ESCAPE = "invalid escape sequence";
    static ERR_INVALID_NAMED_CAPTURE = "invalid named capture";
    static ERR_INVALID_PERL_OP = "invalid or unsupported Perl syntax";
    static ERR_INVALID_REPEAT_OP = "invalid nested repetition operator";
    static ERR_INVALID_REPEAT_SIZE = "invalid repeat count";
    static ERR_MISSING_BRACKET = "missing closing ]";
    static ERR_MISSING_PAREN = "missing closing )";
    static ERR_MISSING_REPEAT_ARGUMENT = "missing argument to repetition operator";
    static ERR_TRAILING_BACKSLASH = "trailing backslash at end of expression";
    static ERR_DUPLICATE_NAMED_CAPTURE = "duplicate capture group name";
    static ERR_UNEXPECTED_PAREN = "unexpected )";
    static ERR_NESTING_DEPTH = "expression nests too deeply";
    static ERR_LARGE = "expression too large";
    static ERR_BAD_EXPRESSION = "expression not valid";
    // maxHeight is the maximum height of a regexp parse tree.
    // It is somewhat arbitrarily chosen, but the idea is to be large enough
    // that no one will actually hit in real use but at the same time small enough
    // that recursion on the Regexp tree will not hit the 1GB Go stack limit.
    // The maximum amount of stack for a single recursive frame is probably
    // closer to 1kB, so this could potentially be raised, but it seems unlikely
    // that people have regexps nested even this deeply.
    // We ran a test on Google's C++ code base and turned up only
    // a single use case with depth > 100; it had depth 128.
    // Using depth 1000 should be plenty of margin.
    // As an optimization, we don't even bother calculating heights
    // until we've allocated at least maxHeight Regexp structures.
    static MAX_HEIGHT = 1000;
    // maxSize is the maximum size of a compiled regexp in Insts.
    // It too is somewhat arbitrarily chosen, but the idea is to be large enough
    // to allow significant regexps while at the same time small enough that
    // the compiled form will not take up too much memory.
    // 128 MB is enough for a 3.3 million Inst structures, which roughly
    // corresponds to a 3.3 MB regexp.
    static MAX_SIZE = 3355443; // 128 << 20 / (5 * 8) (instSize = byte, 2 uint32, slice is 5 64-bit words)
    // maxRunes is the maximum number of runes allowed in a regexp tree
    // counting the runes in all the nodes.
    // Ignoring character classes p.numRunes is always less than the length of the regexp.
    // Character classes can make it much larger: each \pL adds 1292 runes.
    // 128 MB is enough for 32M runes, which is over 26k \pL instances.
    // Note that repetitions do not make copies of the rune slices,
    // so \pL{1000} is only one rune slice, not 1000.
    // We could keep a cache of character classes we've seen,
    // so that all the \pL we see use the same rune list,
    // but that doesn't remove the problem entirely:
    // consider something like [\pL01234][\pL01235][\pL01236]...[\pL^&*()].
    // And because the Rune slice is exposed directly in the Regexp,
    // there is not an opportunity to change the representation to allow
    // partial sharing between different character classes.
    // So the limit is the best we can do.
    static MAX_RUNES = 33554432; // 128 << 20 / 4 (runeSize, int32 is 4 bytes)
    // RangeTables are represented as int[][], a list of triples (start, end,
    // stride).
    static ANY_TABLE = new UnicodeRangeTable(new Uint32Array([0, MAX_RUNE, 1]));
    // Ascii tables
    static ASCII_TABLE = new UnicodeRangeTable(new Uint32Array([0, 0x7f, 1]));
    static ASCII_FOLD_TABLE = new UnicodeRangeTable(new Uint32Array([
        0,
        0x7f,
        1,
        0x017f,
        0x017f,
        1, // Old English long s (\u017f), folds to S/s.
        0x212a,
        0x212a,
        1, // Kelvin \u212a, folds to K/k.
    ]));
    // unicodeTable() returns the Unicode RangeTable identified by name
    // and the table of additional fold-equivalent code points.
    // Returns null if |name| does not identify a Unicode character range.
    static unicodeTable(name) {
        if (name === "Any") {
            return { tab: Parser.ANY_TABLE, fold: Parser.ANY_TABLE, sign: +1 };
        }
        if (name === "Ascii") {
            return {
                tab: Parser.ASCII_TABLE,
                fold: Parser.ASCII_FOLD_TABLE,
                sign: +1,
            };
        }
        if (name === "Assigned") {
            // Assigned is the mathematical inversion of Cn (Unassigned)
            return {
                tab: UnicodeTables_UnicodeTables.CATEGORIES.get("Cn"),
                fold: UnicodeTables_UnicodeTables.CATEGORIES.get("Cn"),
                sign: -1,
            };
        }
        if (name === "Lc") {
            return {
                tab: UnicodeTables_UnicodeTables.CATEGORIES.get("LC"),
                fold: UnicodeTables_UnicodeTables.FOLD_CATEGORIES.get("LC"),
                sign: +1,
            };
        }
        if (UnicodeTables_UnicodeTables.CATEGORIES.has(name)) {
            return {
                tab: UnicodeTables_UnicodeTables.CATEGORIES.get(name),
                fold: UnicodeTables_UnicodeTables.FOLD_CATEGORIES.get(name),
                sign: +1,
            };
        }
        if (UnicodeTables_UnicodeTables.SCRIPTS.has(name)) {
            return {
                tab: UnicodeTables_UnicodeTables.SCRIPTS.get(name),
                fold: UnicodeTables_UnicodeTables.FOLD_SCRIPT.get(name),
                sign: +1,
            };
        }
        return null;
    }
    // minFoldRune returns the minimum rune fold-equivalent to r.
    static minFoldRune(r) {
        if (r < MIN_FOLD || r > MAX_FOLD) {
            return r;
        }
        let min = r;
        const r0 = r;
        for (r = simpleFold(r); r !== r0; r = simpleFold(r)) {
            if (min > r) {
                min = r;
            }
        }
        return min;
    }
    static literalRegexp(s, flags) {
        const re = new Regexp(Regexp.Op.LITERAL);
        re.flags = flags;
        re.runes = stringToRunes(s);
        return re;
    }
    /**
     * Parse regular expression pattern {@code pattern} with mode flags {@code flags}.
     * @param {string} pattern
     * @param {number} flags
     */
    static parse(pattern, flags) {
        return new Parser(pattern, flags).parseInternal();
    }
    // parseRepeat parses {min} (max=min) or {min,} (max=-1) or {min,max}.
    // If |t| is not of that form, it returns -1.
    // If |t| has the right form but the values are negative or too big,
    // it returns -2.
    // On success, returns a nonnegative number encoding min/max in the
    // high/low signed halfwords of the result.  (Note: min >= 0; max may
    // be -1.)
    //
    // On success, advances |t| beyond the repeat; otherwise |t.pos()| is
    // undefined.
    static parseRepeat(t) {
        const start = t.pos();
        if (!t.more() || !t.lookingAt("{")) {
            return -1;
        }
        t.skip(1);
        const min = Parser.parseInt(t);
        if (min === -1) {
            return -1;
        }
        if (!t.more()) {
            return -1;
        }
        let max;
        if (!t.lookingAt(",")) {
            max = min;
        }
        else {
            t.skip(1);
            if (!t.more()) {
                return -1;
            }
            if (t.lookingAt("}")) {
                max = -1;
            }
            else {
                max = Parser.parseInt(t);
                if (max === -1) {
                    return -1;
                }
            }
        }
        if (!t.more() || !t.lookingAt("}")) {
            return -1;
        }
        t.skip(1);
        if (min < 0 ||
            min > 1000 ||
            max === -2 ||
            max > 1000 ||
            (max >= 0 && min > max)) {
            throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_SIZE, t.from(start));
        }
        return (min << 16) | (max & MAX_BMP);
    }
    // isValidCaptureName reports whether name
    // is a valid capture name: [A-Za-z0-9_]+.
    // PCRE limits names to 32 bytes.
    // Python rejects names starting with digits.
    // We don't enforce either of those.
    static isValidCaptureName(name) {
        if (name.length === 0) {
            return false;
        }
        for (let i = 0; i < name.length; i++) {
            const c = codePointAtOrThrow(name, i);
            if (c !== 0x5f && !isalnum(c)) {
                return false;
            }
        }
        return true;
    }
    // parseInt parses a nonnegative decimal integer.
    // -1 => bad format.  -2 => format ok, but integer overflow.
    static parseInt(t) {
        const start = t.pos();
        while (t.more() && t.peek() >= 0x30 && t.peek() <= 0x39) {
            t.skip(1);
        }
        const n = t.from(start);
        if (n.length === 0 || (n.length > 1 && n.codePointAt(0) === 0x30)) {
            return -1;
        }
        if (n.length > 8) {
            return -2;
        }
        return parseInt(n, 10);
    }
    // can this be represented as a character class?
    // single-rune literal string, char class, ., and .|\n.
    static isCharClass(re) {
        return ((re.op === Regexp.Op.LITERAL && re.runes.length === 1) ||
            re.op === Regexp.Op.CHAR_CLASS ||
            re.op === Regexp.Op.ANY_CHAR_NOT_NL ||
            re.op === Regexp.Op.ANY_CHAR);
    }
    // does re match r?
    static matchRune(re, r) {
        switch (re.op) {
            case Regexp.Op.LITERAL:
                return re.runes.length === 1 && re.runes[0] === r;
            case Regexp.Op.CHAR_CLASS:
                for (let i = 0; i < re.runes.length; i += 2) {
                    if (re.runes[i] <= r && r <= re.runes[i + 1]) {
                        return true;
                    }
                }
                return false;
            case Regexp.Op.ANY_CHAR_NOT_NL:
                return r !== 0x0a;
            case Regexp.Op.ANY_CHAR:
                return true;
        }
        return false;
    }
    // mergeCharClass makes dst = dst|src.
    // The caller must ensure that dst.Op >= src.Op,
    // to reduce the amount of copying.
    static mergeCharClass(dst, src) {
        switch (dst.op) {
            case Regexp.Op.ANY_CHAR:
                break;
            case Regexp.Op.ANY_CHAR_NOT_NL:
                if (Parser.matchRune(src, 0x0a)) {
                    dst.op = Regexp.Op.ANY_CHAR;
                }
                break;
            case Regexp.Op.CHAR_CLASS:
                if (src.op === Regexp.Op.LITERAL) {
                    dst.runes = new CharClass(dst.runes)
                        .appendLiteral(src.runes[0], src.flags)
                        .toArray();
                }
                else {
                    dst.runes = new CharClass(dst.runes).appendClass(src.runes).toArray();
                }
                break;
            case Regexp.Op.LITERAL:
                if (src.runes[0] === dst.runes[0] && src.flags === dst.flags) {
                    break;
                }
                dst.op = Regexp.Op.CHAR_CLASS;
                dst.runes = new CharClass()
                    .appendLiteral(dst.runes[0], dst.flags)
                    .appendLiteral(src.runes[0], src.flags)
                    .toArray();
                break;
        }
    }
    // parseEscape parses an escape sequence at the beginning of s
    // and returns the rune.
    // Pre: t at '\\'.  Post: after escape.
    static parseEscape(t) {
        const startPos = t.pos();
        t.skip(1); // '\\'
        if (!t.more()) {
            throw new RE2JSSyntaxException(Parser.ERR_TRAILING_BACKSLASH);
        }
        let c = t.pop();
        switch (c) {
            case 0x31:
            case 0x32:
            case 0x33:
            case 0x34:
            case 0x35:
            case 0x36:
            case 0x30:
            case 0x37: {
                if (c !== 0x30 && (!t.more() || t.peek() < 0x30 || t.peek() > 0x37)) {
                    break;
                }
                let r = c - 0x30;
                for (let i = 1; i < 3; i++) {
                    if (!t.more() || t.peek() < 0x30 || t.peek() > 0x37) {
                        break;
                    }
                    r = r * 8 + t.peek() - 0x30;
                    t.skip(1);
                }
                return r;
            }
            case 0x78: {
                if (!t.more()) {
                    break;
                }
                c = t.pop();
                if (c === 0x7b) {
                    let nhex = 0;
                    let r = 0;
                    while (true) {
                        if (!t.more()) {
                            throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, t.from(startPos));
                        }
                        c = t.pop();
                        if (c === 0x7d) {
                            break;
                        }
                        const v = unhex(c);
                        if (v < 0) {
                            throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, t.from(startPos));
                        }
                        r = r * 16 + v;
                        if (r > MAX_RUNE) {
                            throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, t.from(startPos));
                        }
                        nhex++;
                    }
                    if (nhex === 0) {
                        break;
                    }
                    return r;
                }
                const x = unhex(c);
                if (!t.more()) {
                    break;
                }
                c = t.pop();
                const y = unhex(c);
                if (x < 0 || y < 0) {
                    break;
                }
                return x * 16 + y;
            }
            case 0x61:
                return 0x07;
            case 0x66:
                return 0x0c;
            case 0x6e:
                return 0x0a;
            case 0x72:
                return 0x0d;
            case 0x74:
                return 0x09;
            case 0x76:
                return 0x0b;
            default:
                if (c <= MAX_ASCII && !isalnum(c)) {
                    return c;
                }
                break;
        }
        throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, t.from(startPos));
    }
    // parseClassChar parses a character class character and returns it.
    // wholeClassPos is the position of the start of the entire class "[...".
    // Pre: t at class char; Post: t after it.
    static parseClassChar(t, wholeClassPos) {
        if (!t.more()) {
            throw new RE2JSSyntaxException(Parser.ERR_MISSING_BRACKET, t.from(wholeClassPos));
        }
        if (t.lookingAt("\\")) {
            return Parser.parseEscape(t);
        }
        return t.pop();
    }
    static concatRunes(x, y) {
        const r = new Array(x.length + y.length);
        for (let i = 0; i < x.length; i++)
            r[i] = x[i];
        for (let i = 0; i < y.length; i++)
            r[x.length + i] = y[i];
        return r;
    }
    wholeRegexp;
    flags;
    numCap;
    namedGroups;
    stack;
    free;
    numRegexp;
    numRunes;
    repeats;
    height;
    size;
    constructor(wholeRegexp, flags = 0) {
        this.wholeRegexp = wholeRegexp;
        // Flags control the behavior of the parser and record information about
        // regexp context.
        this.flags = flags;
        // number of capturing groups seen
        this.numCap = 0;
        this.namedGroups = new Map();
        // Stack of parsed expressions.
        this.stack = [];
        this.free = null;
        // checks
        this.numRegexp = 0; // number of regexps allocated
        this.numRunes = 0; // number of runes in char classes
        this.repeats = 0; // product of all repetitions seen
        this.height = null; // regexp height, for height limit check
        this.size = null; // regexp compiled size, for size limit check
    }
    // Allocate a Regexp, from the free list if possible.
    newRegexp(op) {
        let re = this.free;
        if (re !== null && re.subs !== null && re.subs.length > 0) {
            this.free = re.subs[0];
            re.reinit();
            re.op = op;
        }
        else {
            re = new Regexp(op);
            this.numRegexp += 1;
        }
        return re;
    }
    reuse(re) {
        if (this.height !== null) {
            this.height.delete(re);
        }
        if (re.subs !== null && re.subs.length > 0) {
            // subs[0] doubles as the free-list next pointer while re is on the list.
            re.subs[0] = this.free;
        }
        this.free = re;
    }
    checkLimits(re) {
        if (this.numRunes > Parser.MAX_RUNES) {
            throw new RE2JSSyntaxException(Parser.ERR_LARGE);
        }
        this.checkSize(re);
        this.checkHeight(re);
    }
    checkSize(re) {
        if (this.size === null) {
            // We haven't started tracking size yet.
            // Do a relatively cheap check to see if we need to start.
            // Maintain the product of all the repeats we've seen
            // and don't track if the total number of regexp nodes
            // we've seen times the repeat product is in budget.
            if (this.repeats === 0) {
                this.repeats = 1;
            }
            if (re.op === Regexp.Op.REPEAT) {
                let n = re.max;
                if (n === -1) {
                    n = re.min;
                }
                if (n <= 0) {
                    n = 1;
                }
                if (n > Parser.MAX_SIZE / this.repeats) {
                    this.repeats = Parser.MAX_SIZE;
                }
                else {
                    this.repeats *= n;
                }
            }
            if (this.numRegexp < Parser.MAX_SIZE / this.repeats) {
                return;
            }
            // We need to start tracking size.
            // Make the map and belatedly populate it
            // with info about everything we've constructed so far.
            this.size = new Map();
            for (let reEx of this.stack) {
                this.checkSize(reEx);
            }
        }
        if (this.calcSize(re, true) > Parser.MAX_SIZE) {
            throw new RE2JSSyntaxException(Parser.ERR_LARGE);
        }
    }
    calcSize(re, force = false) {
        if (!force && this.size !== null) {
            const cached = this.size.get(re);
            if (cached !== undefined) {
                return cached;
            }
        }
        let size = 0;
        switch (re.op) {
            case Regexp.Op.LITERAL: {
                size = re.runes.length;
                break;
            }
            case Regexp.Op.CAPTURE:
            case Regexp.Op.STAR: {
                // star can be 1+ or 2+; assume 2 pessimistically
                size = 2 + this.calcSize(re.subs[0]);
                break;
            }
            case Regexp.Op.PLUS:
            case Regexp.Op.QUEST: {
                size = 1 + this.calcSize(re.subs[0]);
                break;
            }
            case Regexp.Op.CONCAT: {
                for (let sub of re.subs) {
                    size = size + this.calcSize(sub);
                }
                break;
            }
            case Regexp.Op.ALTERNATE: {
                for (let sub of re.subs) {
                    size = size + this.calcSize(sub);
                }
                if (re.subs.length > 1) {
                    size = size + re.subs.length - 1;
                }
                break;
            }
            case Regexp.Op.REPEAT: {
                let sub = this.calcSize(re.subs[0]);
                if (re.max === -1) {
                    if (re.min === 0) {
                        size = 2 + sub; // x*
                    }
                    else {
                        size = 1 + re.min * sub; // xxx+
                    }
                    break;
                }
                // x{2,5} = xx(x(x(x)?)?)?
                size = re.max * sub + (re.max - re.min);
                break;
            }
        }
        size = Math.max(1, size);
        this.size?.set(re, size);
        return size;
    }
    checkHeight(re) {
        if (this.numRegexp < Parser.MAX_HEIGHT) {
            return;
        }
        if (this.height === null) {
            this.height = new Map();
            for (let reEx of this.stack) {
                this.checkHeight(reEx);
            }
        }
        if (this.calcHeight(re, true) > Parser.MAX_HEIGHT) {
            throw new RE2JSSyntaxException(Parser.ERR_NESTING_DEPTH);
        }
    }
    calcHeight(re, force = false) {
        if (!force && this.height !== null) {
            const cached = this.height.get(re);
            if (cached !== undefined) {
                return cached;
            }
        }
        let h = 1;
        for (let sub of re.subs) {
            const hsub = this.calcHeight(sub);
            if (h < 1 + hsub) {
                h = 1 + hsub;
            }
        }
        this.height?.set(re, h);
        return h;
    }
    // Parse stack manipulation.
    pop() {
        return this.stack.pop();
    }
    popToPseudo() {
        const n = this.stack.length;
        let i = n;
        while (i > 0 && !Regexp.isPseudoOp(this.stack[i - 1].op)) {
            i--;
        }
        const r = this.stack.slice(i, n);
        this.stack = this.stack.slice(0, i);
        return r;
    }
    // push pushes the regexp re onto the parse stack and returns the regexp.
    // Returns null for a CHAR_CLASS that can be merged with the top-of-stack.
    push(re) {
        this.numRunes += re.runes.length;
        if (re.op === Regexp.Op.CHAR_CLASS &&
            re.runes.length === 2 &&
            re.runes[0] === re.runes[1]) {
            if (this.maybeConcat(re.runes[0], this.flags & ~FOLD_CASE)) {
                return null;
            }
            re.op = Regexp.Op.LITERAL;
            re.runes = [re.runes[0]];
            re.flags = this.flags & ~FOLD_CASE;
        }
        else if ((re.op === Regexp.Op.CHAR_CLASS &&
            re.runes.length === 4 &&
            re.runes[0] === re.runes[1] &&
            re.runes[2] === re.runes[3] &&
            simpleFold(re.runes[0]) === re.runes[2] &&
            simpleFold(re.runes[2]) === re.runes[0]) ||
            (re.op === Regexp.Op.CHAR_CLASS &&
                re.runes.length === 2 &&
                re.runes[0] + 1 === re.runes[1] &&
                simpleFold(re.runes[0]) === re.runes[1] &&
                simpleFold(re.runes[1]) === re.runes[0])) {
            // Case-insensitive rune like [Aa] or [\u0394\u03b4].
            if (this.maybeConcat(re.runes[0], this.flags | FOLD_CASE)) {
                return null;
            }
            // Rewrite as (case-insensitive) literal.
            re.op = Regexp.Op.LITERAL;
            re.runes = [re.runes[0]];
            re.flags = this.flags | FOLD_CASE;
        }
        else {
            // Incremental concatenation.
            this.maybeConcat(-1, 0);
        }
        this.stack.push(re);
        this.checkLimits(re);
        return re;
    }
    // maybeConcat implements incremental concatenation
    // of literal runes into string nodes.  The parser calls this
    // before each push, so only the top fragment of the stack
    // might need processing.  Since this is called before a push,
    // the topmost literal is no longer subject to operators like *
    // (Otherwise ab* would turn into (ab)*.)
    // If (r >= 0 and there's a node left over, maybeConcat uses it
    // to push r with the given flags.
    // maybeConcat reports whether r was pushed.
    maybeConcat(r, flags) {
        const n = this.stack.length;
        if (n < 2) {
            return false;
        }
        const re1 = this.stack[n - 1];
        const re2 = this.stack[n - 2];
        if (re1.op !== Regexp.Op.LITERAL ||
            re2.op !== Regexp.Op.LITERAL ||
            (re1.flags & FOLD_CASE) !== (re2.flags & FOLD_CASE)) {
            return false;
        }
        // Push re1 into re2.
        re2.runes = Parser.concatRunes(re2.runes, re1.runes);
        // Reuse re1 if possible.
        if (r >= 0) {
            re1.runes = [r];
            re1.flags = flags;
            return true;
        }
        this.pop();
        this.reuse(re1);
        return false; // did not push r
    }
    // newLiteral returns a new LITERAL Regexp with the given flags
    newLiteral(r, flags) {
        const re = this.newRegexp(Regexp.Op.LITERAL);
        re.flags = flags;
        if ((flags & FOLD_CASE) !== 0) {
            r = Parser.minFoldRune(r);
        }
        re.runes = [r];
        return re;
    }
    // literal pushes a literal regexp for the rune r on the stack
    // and returns that regexp.
    literal(r) {
        this.push(this.newLiteral(r, this.flags));
    }
    // op pushes a regexp with the given op onto the stack
    // and returns that regexp.
    op(op) {
        const re = this.newRegexp(op);
        re.flags = this.flags;
        return this.push(re);
    }
    // repeat replaces the top stack element with itself repeated according to
    // op, min, max.  beforePos is the start position of the repetition operator.
    // Pre: t is positioned after the initial repetition operator.
    // Post: t advances past an optional perl-mode '?', or stays put.
    //       Or, it fails with RE2JSSyntaxException.
    repeat(op, min, max, beforePos, t, lastRepeatPos) {
        let flags = this.flags;
        if (t.more() && t.lookingAt("?")) {
            t.skip(1);
            flags ^= NON_GREEDY;
        }
        if (lastRepeatPos !== -1) {
            throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_OP, t.from(lastRepeatPos));
        }
        const n = this.stack.length;
        if (n === 0) {
            throw new RE2JSSyntaxException(Parser.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
        }
        const sub = this.stack[n - 1];
        if (Regexp.isPseudoOp(sub.op)) {
            throw new RE2JSSyntaxException(Parser.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
        }
        const re = this.newRegexp(op);
        re.min = min;
        re.max = max;
        re.flags = flags;
        re.subs = [sub];
        this.stack[n - 1] = re;
        this.checkLimits(re);
        if (op === Regexp.Op.REPEAT &&
            (min >= 2 || max >= 2) &&
            !this.repeatIsValid(re, 1000)) {
            throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_SIZE, t.from(beforePos));
        }
    }
    // repeatIsValid reports whether the repetition re is valid.
    // Valid means that the combination of the top-level repetition
    // and any inner repetitions does not exceed n copies of the
    // innermost thing.
    // This function rewalks the regexp tree and is called for every repetition,
    // so we have to worry about inducing quadratic behavior in the parser.
    // We avoid this by only calling repeatIsValid when min or max >= 2.
    // In that case the depth of any >= 2 nesting can only get to 9 without
    // triggering a parse error, so each subtree can only be rewalked 9 times.
    repeatIsValid(re, n) {
        if (re.op === Regexp.Op.REPEAT) {
            let m = re.max;
            if (m === 0) {
                return true;
            }
            if (m < 0) {
                m = re.min;
            }
            if (m > n) {
                return false;
            }
            if (m > 0) {
                n = Math.trunc(n / m);
            }
        }
        for (let sub of re.subs) {
            if (!this.repeatIsValid(sub, n)) {
                return false;
            }
        }
        return true;
    }
    // concat replaces the top of the stack (above the topmost '|' or '(') with
    // its concatenation.
    concat() {
        this.maybeConcat(-1, 0);
        const subs = this.popToPseudo();
        if (subs.length === 0) {
            return this.push(this.newRegexp(Regexp.Op.EMPTY_MATCH));
        }
        return this.push(this.collapse(subs, Regexp.Op.CONCAT));
    }
    // alternate replaces the top of the stack (above the topmost '(') with its
    // alternation.
    alternate() {
        // Scan down to find pseudo-operator (.
        // There are no | above (.
        const subs = this.popToPseudo();
        // Make sure top class is clean.
        // All the others already are (see swapVerticalBar).
        if (subs.length > 0) {
            this.cleanAlt(subs[subs.length - 1]);
        }
        // Empty alternate is special case
        // (shouldn't happen but easy to handle).
        if (subs.length === 0) {
            return this.push(this.newRegexp(Regexp.Op.NO_MATCH));
        }
        return this.push(this.collapse(subs, Regexp.Op.ALTERNATE));
    }
    // cleanAlt cleans re for eventual inclusion in an alternation.
    cleanAlt(re) {
        if (re.op === Regexp.Op.CHAR_CLASS) {
            re.runes = new CharClass(re.runes).cleanClass().toArray();
            if (re.runes.length === 2 &&
                re.runes[0] === 0 &&
                re.runes[1] === MAX_RUNE) {
                re.runes = [];
                re.op = Regexp.Op.ANY_CHAR;
            }
            else if (re.runes.length === 4 &&
                re.runes[0] === 0 &&
                re.runes[1] === 0x0a - 1 &&
                re.runes[2] === 0x0a + 1 &&
                re.runes[3] === MAX_RUNE) {
                re.runes = [];
                re.op = Regexp.Op.ANY_CHAR_NOT_NL;
            }
        }
    }
    // collapse returns the result of applying op to subs[start:end].
    // If (sub contains op nodes, they all get hoisted up
    // so that there is never a concat of a concat or an
    // alternate of an alternate.
    collapse(subs, op) {
        if (subs.length === 1) {
            return subs[0];
        }
        // Concatenate subs iff op is same.
        // Compute length in first pass.
        let len = 0;
        for (let sub of subs) {
            len += sub.op === op ? sub.subs.length : 1;
        }
        let newsubs = new Array(len).fill(null);
        let i = 0;
        for (let sub of subs) {
            if (sub.op === op) {
                for (let j = 0; j < sub.subs.length; j++) {
                    newsubs[i++] = sub.subs[j];
                }
                this.reuse(sub);
            }
            else {
                newsubs[i++] = sub;
            }
        }
        let re = this.newRegexp(op);
        re.subs = newsubs;
        if (op === Regexp.Op.ALTERNATE) {
            if (re.subs.length === 1) {
                const old = re;
                re = re.subs[0];
                this.reuse(old);
            }
        }
        return re;
    }
    parseInternal() {
        if ((this.flags & LITERAL) !== 0) {
            // Trivial parser for literal string.
            return Parser.literalRegexp(this.wholeRegexp, this.flags);
        }
        // Otherwise, must do real work.
        let lastRepeatPos = -1;
        let min = -1;
        let max = -1;
        const t = new StringIterator(this.wholeRegexp);
        while (t.more()) {
            {
                let repeatPos = -1;
                switch (t.peek()) {
                    case 0x28:
                        if (t.lookingAt("(?")) {
                            // Flag changes and non-capturing groups.
                            this.parsePerlFlags(t);
                            break;
                        }
                        const lparen = this.op(Regexp.Op.LEFT_PAREN);
                        if (lparen === null) {
                            throw new Error("op(LEFT_PAREN) unexpectedly returned null");
                        }
                        lparen.cap = ++this.numCap;
                        t.skip(1); // '('
                        break;
                    case 0x7c:
                        this.parseVerticalBar(); // '|'
                        t.skip(1); // '|'
                        break;
                    case 0x29:
                        this.parseRightParen();
                        t.skip(1); // ')'
                        break;
                    case 0x5e:
                        if ((this.flags & ONE_LINE) !== 0) {
                            this.op(Regexp.Op.BEGIN_TEXT);
                        }
                        else {
                            this.op(Regexp.Op.BEGIN_LINE);
                        }
                        t.skip(1); // '^'
                        break;
                    case 0x24:
                        if ((this.flags & ONE_LINE) !== 0) {
                            const endText = this.op(Regexp.Op.END_TEXT);
                            if (endText === null) {
                                throw new Error("op(END_TEXT) unexpectedly returned null");
                            }
                            endText.flags |= WAS_DOLLAR;
                        }
                        else {
                            this.op(Regexp.Op.END_LINE);
                        }
                        t.skip(1); // '$'
                        break;
                    case 0x2e:
                        if ((this.flags & DOT_NL) !== 0) {
                            this.op(Regexp.Op.ANY_CHAR);
                        }
                        else {
                            this.op(Regexp.Op.ANY_CHAR_NOT_NL);
                        }
                        t.skip(1); // '.'
                        break;
                    case 0x5b:
                        this.parseClass(t);
                        break;
                    case 0x2a:
                    case 0x2b:
                    case 0x3f: {
                        repeatPos = t.pos();
                        let op = null;
                        switch (t.pop()) {
                            case 0x2a:
                                op = Regexp.Op.STAR;
                                break;
                            case 0x2b:
                                op = Regexp.Op.PLUS;
                                break;
                            case 0x3f:
                                op = Regexp.Op.QUEST;
                                break;
                        }
                        if (op === null) {
                            throw new Error("repeat op unexpectedly null");
                        }
                        this.repeat(op, min, max, repeatPos, t, lastRepeatPos);
                        // (min and max are now dead.)
                        break;
                    }
                    case 0x7b: {
                        repeatPos = t.pos();
                        const minMax = Parser.parseRepeat(t);
                        if (minMax < 0) {
                            // If the repeat cannot be parsed, { is a literal.
                            t.rewindTo(repeatPos);
                            this.literal(t.pop()); // '{'
                            break;
                        }
                        min = minMax >> 16;
                        max = ((minMax & MAX_BMP) << 16) >> 16;
                        this.repeat(Regexp.Op.REPEAT, min, max, repeatPos, t, lastRepeatPos);
                        break;
                    }
                    case 0x5c: {
                        const savedPos = t.pos();
                        t.skip(1); // '\\'
                        let handled = false;
                        if (t.more()) {
                            const c = t.pop();
                            switch (c) {
                                case 0x41:
                                    this.op(Regexp.Op.BEGIN_TEXT);
                                    handled = true;
                                    break;
                                case 0x62:
                                    this.op(Regexp.Op.WORD_BOUNDARY);
                                    handled = true;
                                    break;
                                case 0x42:
                                    this.op(Regexp.Op.NO_WORD_BOUNDARY);
                                    handled = true;
                                    break;
                                case 0x43:
                                    // any byte; not supported
                                    throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, "\\C");
                                case 0x51: {
                                    // \Q ... \E: the ... is always literals
                                    let lit = t.rest();
                                    const i = lit.indexOf("\\E");
                                    if (i >= 0) {
                                        lit = lit.substring(0, i);
                                        t.skipString(lit);
                                        t.skipString("\\E");
                                    }
                                    else {
                                        t.skipString(lit);
                                    }
                                    let j = 0;
                                    while (j < lit.length) {
                                        const codepoint = codePointAtOrThrow(lit, j);
                                        this.literal(codepoint);
                                        j += charCount(codepoint);
                                    }
                                    handled = true;
                                    break;
                                }
                                case 0x7a:
                                    this.op(Regexp.Op.END_TEXT);
                                    handled = true;
                                    break;
                                default:
                                    t.rewindTo(savedPos);
                                    break;
                            }
                        }
                        else {
                            t.rewindTo(savedPos);
                        }
                        if (handled)
                            break;
                        const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
                        re.flags = this.flags;
                        // Look for Unicode character group like \p{Han}
                        if (t.lookingAt("\\p") || t.lookingAt("\\P")) {
                            const cc = new CharClass();
                            if (this.parseUnicodeClass(t, cc)) {
                                re.runes = cc.toArray();
                                this.push(re);
                                break;
                            }
                        }
                        // Perl character class escape.
                        const cc = new CharClass();
                        if (this.parsePerlClassEscape(t, cc)) {
                            re.runes = cc.toArray();
                            this.push(re);
                            break;
                        }
                        t.rewindTo(savedPos);
                        this.reuse(re);
                        // Ordinary single-character escape.
                        this.literal(Parser.parseEscape(t));
                        break;
                    }
                    default:
                        this.literal(t.pop());
                        break;
                }
                lastRepeatPos = repeatPos;
            }
        }
        this.concat();
        if (this.swapVerticalBar()) {
            this.pop(); // pop vertical bar
        }
        this.alternate();
        const n = this.stack.length;
        if (n !== 1) {
            throw new RE2JSSyntaxException(Parser.ERR_MISSING_PAREN, this.wholeRegexp);
        }
        this.stack[0].namedGroups = this.namedGroups;
        return this.stack[0];
    }
    // parsePerlFlags parses a Perl flag setting or non-capturing group or both,
    // like (?i) or (?: or (?i:.
    // Pre: t at "(?".  Post: t after ")".
    // Sets numCap.
    parsePerlFlags(t) {
        const startPos = t.pos();
        // Check for named captures, first introduced in Python's regexp library.
        // As usual, there are three slightly different syntaxes:
        //
        //   (?P<name>expr)   the original, introduced by Python
        //   (?<name>expr)    the .NET alteration, adopted by Perl 5.10
        //   (?'name'expr)    another .NET alteration, adopted by Perl 5.10
        //
        // Perl 5.10 gave in and implemented the Python version too,
        // but they claim that the last two are the preferred forms.
        // PCRE and languages based on it (specifically, PHP and Ruby)
        // support all three as well.  EcmaScript 4 uses only the Python form.
        //
        // In both the open source world (via Code Search) and the
        // Google source tree, (?P<name>expr) and (?<name>expr) are the
        // dominant forms of named captures and both are supported.
        if (t.lookingAt("(?P<") || t.lookingAt("(?<")) {
            // Pull out name.
            const s = t.rest();
            const begin = s.charAt(2) === "P" ? 4 : 3;
            const end = s.indexOf(">");
            if (end < 0) {
                throw new RE2JSSyntaxException(Parser.ERR_INVALID_NAMED_CAPTURE, s);
            }
            const name = s.substring(begin, end); // "name"
            t.skipString(name);
            t.skip(begin + 1); // "(?P<>" or "(?<>"
            if (!Parser.isValidCaptureName(name)) {
                // "(?P<name>"
                throw new RE2JSSyntaxException(Parser.ERR_INVALID_NAMED_CAPTURE, s.substring(0, end + 1)); // "(?P<name>" or "(?<name>"
            }
            // Like ordinary capture, but named.
            const re = this.op(Regexp.Op.LEFT_PAREN);
            if (re === null) {
                throw new Error("op(LEFT_PAREN) unexpectedly returned null");
            }
            re.cap = ++this.numCap;
            if (this.namedGroups.get(name)) {
                throw new RE2JSSyntaxException(Parser.ERR_DUPLICATE_NAMED_CAPTURE, name);
            }
            this.namedGroups.set(name, this.numCap);
            re.name = name;
            return;
        }
        // Non-capturing group.  Might also twiddle Perl flags.
        t.skip(2); // "(?"
        let flags = this.flags;
        let sign = +1;
        let sawFlag = false;
        loop: while (t.more()) {
            {
                const c = t.pop();
                switch (c) {
                    case 0x69:
                        flags |= FOLD_CASE;
                        sawFlag = true;
                        break;
                    case 0x6d:
                        flags &= ~ONE_LINE;
                        sawFlag = true;
                        break;
                    case 0x73:
                        flags |= DOT_NL;
                        sawFlag = true;
                        break;
                    case 0x55:
                        flags |= NON_GREEDY;
                        sawFlag = true;
                        break;
                    // Switch to negation.
                    case 0x2d:
                        if (sign < 0) {
                            break loop;
                        }
                        sign = -1;
                        // Invert flags so that | above turn into &~ and vice versa.
                        // We'll invert flags again before using it below.
                        flags = ~flags;
                        sawFlag = false;
                        break;
                    // End of flags, starting group or not.
                    case 0x3a:
                    case 0x29:
                        if (sign < 0) {
                            if (!sawFlag) {
                                break loop;
                            }
                            flags = ~flags;
                        }
                        if (c === 0x3a) {
                            // Open new group
                            this.op(Regexp.Op.LEFT_PAREN);
                        }
                        this.flags = flags;
                        return;
                    default:
                        // Flags.
                        break loop;
                }
            }
        }
        throw new RE2JSSyntaxException(Parser.ERR_INVALID_PERL_OP, t.from(startPos));
    }
    // parseVerticalBar handles a | in the input.
    parseVerticalBar() {
        this.concat();
        // The concatenation we just parsed is on top of the stack.
        // If it sits above an opVerticalBar, swap it below
        // (things below an opVerticalBar become an alternation).
        // Otherwise, push a new vertical bar.
        if (!this.swapVerticalBar()) {
            this.op(Regexp.Op.VERTICAL_BAR);
        }
    }
    // If the top of the stack is an element followed by an opVerticalBar
    // swapVerticalBar swaps the two and returns true.
    // Otherwise it returns false.
    swapVerticalBar() {
        const n = this.stack.length;
        // If above and below vertical bar are literal or char class,
        // can merge into a single char class.
        if (n >= 3 &&
            this.stack[n - 2].op === Regexp.Op.VERTICAL_BAR &&
            Parser.isCharClass(this.stack[n - 1]) &&
            Parser.isCharClass(this.stack[n - 3])) {
            let re1 = this.stack[n - 1];
            let re3 = this.stack[n - 3];
            // Make re3 the more complex of the two.
            if (re1.op > re3.op) {
                const tmp = re3;
                re3 = re1;
                re1 = tmp;
                this.stack[n - 3] = re3;
            }
            Parser.mergeCharClass(re3, re1);
            this.reuse(re1);
            this.pop();
            return true;
        }
        if (n >= 2) {
            const re1 = this.stack[n - 1];
            const re2 = this.stack[n - 2];
            if (re2.op === Regexp.Op.VERTICAL_BAR) {
                if (n >= 3) {
                    // Now out of reach.
                    // Clean opportunistically.
                    this.cleanAlt(this.stack[n - 3]);
                }
                this.stack[n - 2] = re1;
                this.stack[n - 1] = re2;
                return true;
            }
        }
        return false;
    }
    // parseRightParen handles a ')' in the input.
    parseRightParen() {
        this.concat();
        if (this.swapVerticalBar()) {
            this.pop(); // pop vertical bar
        }
        this.alternate();
        const n = this.stack.length;
        if (n < 2) {
            throw new RE2JSSyntaxException(Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
        }
        const re1 = this.pop();
        if (re1 === undefined) {
            throw new RE2JSSyntaxException(Parser.ERR_BAD_EXPRESSION, this.wholeRegexp);
        }
        const re2 = this.pop();
        if (re2 === undefined || re2.op !== Regexp.Op.LEFT_PAREN) {
            throw new RE2JSSyntaxException(Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
        }
        // Restore flags at time of paren.
        this.flags = re2.flags;
        if (re2.cap === 0) {
            // Just for grouping.
            this.push(re1);
        }
        else {
            re2.op = Regexp.Op.CAPTURE;
            re2.subs = [re1];
            this.push(re2);
        }
    }
    // parsePerlClassEscape parses a leading Perl character class escape like \d
    // from the beginning of |t|.  If one is present, it appends the characters
    // to cc and returns true.  The iterator is advanced past the escape
    // on success, undefined on failure, in which case false is returned.
    parsePerlClassEscape(t, cc) {
        const beforePos = t.pos();
        if (!t.more() || t.pop() !== 0x5c || !t.more()) {
            return false;
        }
        t.pop(); // e.g. advance past 'd' in "\\d"
        const p = t.from(beforePos);
        const g = getPerlGroups().get(p);
        if (g === undefined) {
            return false;
        }
        cc.appendGroup(g, (this.flags & FOLD_CASE) !== 0);
        return true;
    }
    // parseNamedClass parses a leading POSIX named character class like
    // [:alnum:] from the beginning of t.  If one is present, it appends the
    // characters to cc, advances the iterator, and returns true.
    // Pre: t at "[:".  Post: t after ":]".
    // On failure (no class of than name), throws RE2JSSyntaxException.
    // On misparse, returns false; t.pos() is undefined.
    parseNamedClass(t, cc) {
        // (Go precondition check deleted.)
        const cls = t.rest();
        const i = cls.indexOf(":]");
        if (i < 0) {
            return false;
        }
        const name = cls.substring(0, i + 2); // "[:alnum:]"
        t.skipString(name);
        const g = getPosixGroups().get(name);
        if (g === undefined) {
            throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, name);
        }
        cc.appendGroup(g, (this.flags & FOLD_CASE) !== 0);
        return true;
    }
    // parseUnicodeClass() parses a leading Unicode character class like \p{Han}
    // from the beginning of t.  If one is present, it appends the characters to
    // to |cc|, advances |t| and returns true.
    //
    // Returns false if such a pattern is not present or UNICODE_GROUPS
    // flag is not enabled; |t.pos()| is not advanced in this case.
    // Indicates error by throwing RE2JSSyntaxException.
    parseUnicodeClass(t, cc) {
        const startPos = t.pos();
        if ((this.flags & UNICODE_GROUPS) === 0 ||
            (!t.lookingAt("\\p") && !t.lookingAt("\\P"))) {
            return false;
        }
        t.skip(1); // '\\'
        // Committed to parse or throw exception.
        let sign = +1;
        let c = t.pop(); // 'p' or 'P'
        if (c === 0x50) {
            sign = -1;
        }
        if (!t.more()) {
            t.rewindTo(startPos);
            throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
        }
        c = t.pop();
        let name;
        if (c !== 0x7b) {
            // Single-letter name.
            name = runeToString(c);
        }
        else {
            // Name is in braces.
            const rest = t.rest();
            const end = rest.indexOf("}");
            if (end < 0) {
                t.rewindTo(startPos);
                throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
            }
            name = rest.substring(0, end); // e.g. "Han"
            t.skipString(name);
            t.skip(1);
            // Don't use skip(end) because it assumes UTF-16 coding, and
            // StringIterator doesn't guarantee that.
        }
        // Group can have leading negation too.
        //  \p{^Han} == \P{Han}, \P{^Han} == \p{Han}.
        if (!(name.length === 0) && name.codePointAt(0) === 0x5e) {
            sign = 0 - sign; // -sign
            name = name.substring(1);
        }
        const pair = Parser.unicodeTable(name);
        if (pair === null) {
            throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(startPos));
        }
        if (pair.sign < 0) {
            sign = 0 - sign;
        }
        const tab = pair.tab;
        const fold = pair.fold; // fold-equivalent table
        if (tab === null) {
            throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(startPos));
        }
        // Variation of CharClass.appendGroup() for tables.
        if ((this.flags & FOLD_CASE) === 0 || fold === null) {
            cc.appendTableWithSign(tab, sign);
        }
        else {
            // Merge and clean tab and fold in a temporary buffer.
            // This is necessary for the negative case and just tidy
            // for the positive case.
            const tmp = new CharClass()
                .appendTable(tab)
                .appendTable(fold)
                .cleanClass()
                .toArray();
            cc.appendClassWithSign(tmp, sign);
        }
        return true;
    }
    // parseClass parses a character class and pushes it onto the parse stack.
    //
    // NOTES:
    // Pre: at '['; Post: after ']'.
    // Mutates stack.  Advances iterator.  May throw.
    parseClass(t) {
        const startPos = t.pos();
        t.skip(1); // '['
        const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
        re.flags = this.flags;
        const cc = new CharClass();
        let sign = +1;
        if (t.more() && t.lookingAt("^")) {
            sign = -1;
            t.skip(1); // '^'
            // If character class does not match \n, add it here,
            // so that negation later will do the right thing.
            if ((this.flags & CLASS_NL) === 0) {
                cc.appendRange(0x0a, 0x0a);
            }
        }
        let first = true; // ']' and '-' are okay as first char in class
        while (!t.more() || t.peek() !== 0x5d || first) {
            first = false;
            const beforePos = t.pos();
            // Look for POSIX [:alnum:] etc.
            if (t.lookingAt("[:")) {
                if (this.parseNamedClass(t, cc)) {
                    continue;
                }
                t.rewindTo(beforePos);
            }
            // Look for Unicode character group like \p{Han}.
            if (this.parseUnicodeClass(t, cc)) {
                continue;
            }
            // Look for Perl character class symbols (extension).
            if (this.parsePerlClassEscape(t, cc)) {
                continue;
            }
            t.rewindTo(beforePos);
            // Single character or simple range.
            const lo = Parser.parseClassChar(t, startPos);
            let hi = lo;
            if (t.more() && t.lookingAt("-")) {
                t.skip(1);
                if (t.more() && t.lookingAt("]")) {
                    // [a-] means (a|-) so check for final ].
                    t.skip(-1);
                }
                else {
                    hi = Parser.parseClassChar(t, startPos);
                    if (hi < lo) {
                        throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(beforePos));
                    }
                }
            }
            if ((this.flags & FOLD_CASE) === 0) {
                cc.appendRange(lo, hi);
            }
            else {
                cc.appendFoldedRange(lo, hi);
            }
        }
        t.skip(1); // ']'
        cc.cleanClass();
        if (sign < 0) {
            cc.negateClass();
        }
        re.runes = cc.toArray();
        this.push(re);
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/RE2.js









class RE2 {
    expr;
    prog;
    numSubexp;
    cond;
    prefix;
    prefixComplete;
    prefixRune;
    dfa;
    prefilter;
    namedGroups;
    static compile(expr) {
        return RE2.compileImpl(expr, PERL);
    }
    static compileImpl(expr, mode) {
        return new RE2(expr, mode);
    }
    constructor(expr, mode) {
        let re = Parser.parse(expr, mode);
        re = Simplify_simplify(re);
        const prefilter = PrefilterTree.build(re);
        const prog = Compiler.compileRegexp(re);
        this.prefilter = prefilter.type === Prefilter.Type.NONE ? null : prefilter;
        const [prefixCompl, prefixStr] = prog.prefix();
        this.prefixComplete = prefixCompl;
        this.prefix = prefixStr;
        this.prefixRune = 0;
        if (this.prefix.length > 0) {
            const cp = this.prefix.codePointAt(0);
            if (cp === undefined) {
                throw new Error("RE2: prefix has no code point");
            }
            this.prefixRune = cp;
        }
        this.namedGroups = re.namedGroups;
        this.expr = expr;
        this.prog = prog;
        this.numSubexp = re.maxCap();
        this.cond = prog.startCond();
        this.dfa = new DFA(this.prog);
    }
    matchPrefixComplete(input, pos, anchor, ncap) {
        if ((anchor === ANCHOR_START || anchor === ANCHOR_BOTH) && pos !== 0) {
            return null;
        }
        let matchStart = -1;
        let matchEnd = -1;
        const pLen = input.prefixLength(this);
        if (anchor === UNANCHORED) {
            const idx = input.index(this, pos);
            if (idx < 0)
                return null;
            matchStart = pos + idx;
            matchEnd = matchStart + pLen;
        }
        else if (anchor === ANCHOR_BOTH) {
            if (input.endPos() !== pLen)
                return null;
            const idx = input.index(this, 0);
            if (idx !== 0)
                return null;
            matchStart = 0;
            matchEnd = pLen;
        }
        else if (anchor === ANCHOR_START) {
            const idx = input.index(this, 0);
            if (idx !== 0)
                return null;
            matchStart = 0;
            matchEnd = pLen;
        }
        if (matchStart < 0)
            return null;
        // If captures are requested (e.g. findSubmatch instead of test), populate bounds
        if (ncap > 0) {
            const matchcap = new Int32Array(ncap).fill(-1);
            matchcap[0] = matchStart;
            matchcap[1] = matchEnd;
            return Array.from(matchcap);
        }
        return []; // Matched successfully, but no capture data requested
    }
    executeEngine(input, pos, anchor, ncap) {
        if (this.prefixComplete && (ncap === 0 || this.numSubexp === 0)) {
            return this.matchPrefixComplete(input, pos, anchor, ncap);
        }
        if (this.prefilter !== null && anchor === UNANCHORED) {
            if (!this.prefilter.eval(input, pos)) {
                return null;
            }
        }
        const dfaResult = this.dfa.match(input, pos, anchor);
        if (dfaResult !== null) {
            return dfaResult ? [] : null;
        }
        // Minimal NFA fallback for DFA state explosion
        return this._nfaFallback(input, pos, anchor) ? [] : null;
    }
    // Minimal boolean-only NFA for when the DFA bails due to state explosion.
    // No captures, no thread pools \u2014 just two sets of NFA states swapped each step.
    _nfaFallback(input, pos, anchor) {
        const prog = this.prog;
        const endPos = input.endPos();
        const addState = (set, visited, pc, context) => {
            if (pc < 0 || pc >= prog.numInst() || visited.has(pc))
                return;
            visited.add(pc);
            const inst = prog.getInst(pc);
            switch (inst.op) {
                case Inst.ALT:
                case Inst.ALT_MATCH:
                    addState(set, visited, inst.out, context);
                    addState(set, visited, inst.arg, context);
                    break;
                case Inst.NOP:
                case Inst.CAPTURE:
                    addState(set, visited, inst.out, context);
                    break;
                case Inst.EMPTY_WIDTH:
                    if ((inst.arg & ~context) === 0) {
                        addState(set, visited, inst.out, context);
                    }
                    break;
                default:
                    set.add(pc);
                    break;
            }
        };
        let current = new Set();
        let next = new Set();
        // prevRune: the rune immediately before `pos`. See DFA.match for rationale.
        let prevRune = -1;
        if (pos > 0) {
            const r = input.step(pos - 1) >> 3;
            if (r >= 0)
                prevRune = r;
        }
        for (let i = pos; i <= endPos; i++) {
            const rune = i < endPos ? input.step(i) >> 3 : -1;
            const width = i < endPos ? input.step(i) & 7 : 0;
            const context = emptyOpContext(prevRune, rune);
            // Add start state at each position for unanchored search
            if (anchor === UNANCHORED || i === pos) {
                const visited = new Set();
                addState(current, visited, prog.start, context);
            }
            // Check for matches before consuming.
            // For UNANCHORED/ANCHOR_START, a MATCH at any position succeeds.
            // For ANCHOR_BOTH, we must consume the entire input \u2014 intermediate
            // matches are skipped; only the final post-loop check accepts MATCH.
            if (anchor !== ANCHOR_BOTH) {
                for (const pc of current) {
                    const inst = prog.getInst(pc);
                    if (inst.op === Inst.MATCH) {
                        return true;
                    }
                }
            }
            if (i >= endPos || width === 0)
                break;
            // Step: consume current character
            next.clear();
            for (const pc of current) {
                const inst = prog.getInst(pc);
                if (Inst.isRuneOp(inst.op) && inst.matchRune(rune)) {
                    const nextContext = emptyOpContext(rune, i + width < endPos ? input.step(i + width) >> 3 : -1);
                    const visited = new Set();
                    addState(next, visited, inst.out, nextContext);
                }
            }
            // For unanchored, add start state at next position too
            if (anchor === UNANCHORED) {
                const nextRune = i + width < endPos ? input.step(i + width) >> 3 : -1;
                const nextContext = emptyOpContext(rune, nextRune);
                const visited = new Set();
                addState(next, visited, prog.start, nextContext);
            }
            prevRune = rune;
            [current, next] = [next, current];
            i += width - 1; // loop increments by 1, but we advanced by width
        }
        // Final check for match after processing all input
        const endContext = emptyOpContext(prevRune, -1);
        const visited = new Set();
        const finalSet = new Set();
        for (const pc of current) {
            addState(finalSet, visited, pc, endContext);
        }
        for (const pc of finalSet) {
            const inst = prog.getInst(pc);
            if (inst.op === Inst.MATCH)
                return true;
        }
        return false;
    }
    numberOfCapturingGroups() {
        return this.numSubexp;
    }
    reset() {
        // No-op: machine pool removed
    }
    toString() {
        return this.expr;
    }
    match(s) {
        return this.executeEngine(fromUTF16(s), 0, UNANCHORED, 0) !== null;
    }
}


;// CONCATENATED MODULE: ./node_modules/@bufbuild/re2/dist/esm/index.js






/**
 * A compiled representation of an RE2 regular expression
 */
class RE2JS {
    patternInput;
    flagsInput;
    re2Input;
    /**
     * Flag: case insensitive matching.
     */
    static CASE_INSENSITIVE = 1;
    /**
     * Flag: dot ({@code .}) matches all characters, including newline.
     */
    static DOTALL = 2;
    /**
     * Flag: multiline matching: {@code ^} and {@code $} match at beginning and end of line, not just
     * beginning and end of input.
     */
    static MULTILINE = 4;
    /**
     * Flag: Unicode groups (e.g. {@code \p{Greek}} ) will be syntax errors.
     */
    static DISABLE_UNICODE_GROUPS = 8;
    /**
     * Returns a literal pattern string for the specified string.
     *
     * @param {string} str The string to be literalized
     * @returns {string} A literal string replacement
     */
    static quote(str) {
        return quoteMeta(str);
    }
    /**
     * Helper: create new RE2JS with given regex and flags.
     * @param {string} regex
     * @param {number} [flags=0]
     * @returns {RE2JS}
     */
    static compile(regex, flags = 0) {
        return new RE2JS(regex, flags);
    }
    static validateFlags(flags) {
        if ((flags &
            ~(RE2JS.MULTILINE |
                RE2JS.DOTALL |
                RE2JS.CASE_INSENSITIVE |
                RE2JS.DISABLE_UNICODE_GROUPS)) !==
            0) {
            throw new RE2JSFlagsException("Flags should only be a combination of MULTILINE, DOTALL, CASE_INSENSITIVE, DISABLE_UNICODE_GROUPS");
        }
    }
    static buildRegexWithFlags(regex, flags = 0) {
        let fregex = regex;
        if ((flags & RE2JS.CASE_INSENSITIVE) !== 0) {
            fregex = `(?i)${fregex}`;
        }
        if ((flags & RE2JS.DOTALL) !== 0) {
            fregex = `(?s)${fregex}`;
        }
        if ((flags & RE2JS.MULTILINE) !== 0) {
            fregex = `(?m)${fregex}`;
        }
        return fregex;
    }
    /**
     * Matches a string against a regular expression.
     *
     * @param {string} regex the regular expression
     * @param {string} input the input
     * @returns {boolean} true if the regular expression matches the entire input
     * @throws RE2JSSyntaxException if the regular expression is malformed
     */
    static matches(regex, input) {
        return RE2JS.compile(regex).testExact(input);
    }
    /**
     * @param {string} pattern
     * @param {number} flags
     */
    constructor(pattern, flags = 0) {
        let re2Flags = PERL;
        if ((flags & RE2JS.DISABLE_UNICODE_GROUPS) !== 0) {
            re2Flags &= ~UNICODE_GROUPS;
        }
        RE2JS.validateFlags(flags);
        const fregex = RE2JS.buildRegexWithFlags(pattern, flags);
        this.patternInput = pattern;
        this.flagsInput = flags;
        this.re2Input = RE2.compileImpl(fregex, re2Flags);
    }
    /**
     * Releases memory used by internal caches associated with this pattern.
     */
    reset() {
        this.re2Input.reset();
    }
    /**
     * Returns the flags used in the constructor.
     * @returns {number}
     */
    flags() {
        return this.flagsInput;
    }
    /**
     * Returns the pattern used in the constructor.
     * @returns {string}
     */
    pattern() {
        return this.patternInput;
    }
    re2() {
        return this.re2Input;
    }
    /**
     * Matches a string against a regular expression.
     *
     * @param {string} input the input
     * @returns {boolean} true if the regular expression matches the entire input
     */
    matches(input) {
        return this.testExact(input);
    }
    /**
     * Tests whether the regular expression matches any part of the input string.
     *
     * @param {string} input - The input string to test against.
     * @returns {boolean} `true` if the pattern is found anywhere in the input, `false` otherwise.
     */
    test(input) {
        return this.re2Input.match(input);
    }
    /**
     * Tests whether the regular expression matches the ENTIRE input string.
     *
     * @param {string} input - The input string to test against.
     * @returns {boolean} `true` if the exact input string fully matches the pattern, `false` otherwise.
     */
    testExact(input) {
        return (this.re2Input.executeEngine(fromUTF16(input), 0, ANCHOR_BOTH, 0) !== null);
    }
    toString() {
        return this.patternInput;
    }
    /**
     * Returns the number of capturing groups in this matcher's pattern.
     */
    groupCount() {
        return this.re2Input.numberOfCapturingGroups();
    }
    /**
     * Return a map of the capturing groups in this matcher's pattern.
     */
    namedGroups() {
        return this.re2Input.namedGroups;
    }
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/std/logic.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.






function matches(pattern) {
    return RE2JS.compile(pattern).test(this);
}
function compareDuration(lhs, rhs) {
    const cmp = lhs.message.seconds - rhs.message.seconds;
    if (cmp == 0n) {
        return lhs.message.nanos - rhs.message.nanos;
    }
    return cmp < 0n ? -1 : 1;
}
function compareTimestamp(lhs, rhs) {
    const cmp = lhs.message.seconds - rhs.message.seconds;
    if (cmp == 0n) {
        return lhs.message.nanos - rhs.message.nanos;
    }
    return cmp < 0n ? -1 : 1;
}
function compareBytes(lhs, rhs) {
    const minLen = Math.min(lhs.length, rhs.length);
    for (let i = 0; i < minLen; i++) {
        if (lhs[i] < rhs[i]) {
            return -1;
        }
        if (lhs[i] > rhs[i]) {
            return 1;
        }
    }
    return lhs.length - rhs.length;
}
function inList(value, list) {
    for (const v of list) {
        if ((0,equals/* equals */.a)(v, value))
            return true;
    }
    return false;
}
function inMap(value, map) {
    return map.has(value);
}
const { BOOL: logic_BOOL, BYTES: logic_BYTES, DOUBLE: logic_DOUBLE, DYN: logic_DYN, INT: logic_INT, STRING: logic_STRING, UINT: logic_UINT } = type/* CelScalar */.ZR;
const logic_LIST = (0,type/* listType */.Vc)(type/* CelScalar */.ZR.DYN);
const logic_MAP = (0,type/* mapType */.H$)(type/* CelScalar */.ZR.DYN, type/* CelScalar */.ZR.DYN);
// biome-ignore format: table
/* harmony default export */ const logic = ([
    // !
    (0,esm_func/* celFunc */.V)(LOGICAL_NOT, [logic_BOOL], logic_BOOL, (x) => !x),
    // =
    (0,esm_func/* celFunc */.V)(EQUALS, [logic_DYN, logic_DYN], logic_BOOL, equals/* equals */.a),
    (0,esm_func/* celFunc */.V)(NOT_EQUALS, [logic_DYN, logic_DYN], logic_BOOL, (l, r) => !(0,equals/* equals */.a)(l, r)),
    // <
    (0,esm_func/* celFunc */.V)(LESS, [logic_BOOL, logic_BOOL], logic_BOOL, (l, r) => l < r),
    (0,esm_func/* celFunc */.V)(LESS, [logic_BYTES, logic_BYTES], logic_BOOL, (l, r) => compareBytes(l, r) < 0),
    (0,esm_func/* celFunc */.V)(LESS, [logic_DOUBLE, logic_DOUBLE], logic_BOOL, (l, r) => l < r),
    (0,esm_func/* celFunc */.V)(LESS, [logic_STRING, logic_STRING], logic_BOOL, (l, r) => l < r),
    (0,esm_func/* celFunc */.V)(LESS, [logic_INT, logic_INT], logic_BOOL, (l, r) => l < r),
    (0,esm_func/* celFunc */.V)(LESS, [logic_INT, logic_UINT], logic_BOOL, (l, r) => l < r.value),
    (0,esm_func/* celFunc */.V)(LESS, [logic_UINT, logic_INT], logic_BOOL, (l, r) => l.value < r),
    (0,esm_func/* celFunc */.V)(LESS, [logic_UINT, logic_UINT], logic_BOOL, (l, r) => l.value < r.value),
    // TODO investigate: ECMAScript relational operators support mixed bigint/number operands,
    // but removing the coercion to number here fails the conformance test "not_lt_dyn_int_big_lossy_double"
    (0,esm_func/* celFunc */.V)(LESS, [logic_INT, logic_DOUBLE], logic_BOOL, (l, r) => Number(l) < r),
    (0,esm_func/* celFunc */.V)(LESS, [logic_DOUBLE, logic_INT], logic_BOOL, (l, r) => l < Number(r)),
    (0,esm_func/* celFunc */.V)(LESS, [logic_DOUBLE, logic_UINT], logic_BOOL, (l, r) => l < Number(r.value)),
    (0,esm_func/* celFunc */.V)(LESS, [logic_UINT, logic_DOUBLE], logic_BOOL, (l, r) => Number(l.value) < r),
    (0,esm_func/* celFunc */.V)(LESS, [type/* DURATION */.ft, type/* DURATION */.ft], logic_BOOL, (l, r) => compareDuration(l, r) < 0),
    (0,esm_func/* celFunc */.V)(LESS, [type/* TIMESTAMP */.ht, type/* TIMESTAMP */.ht], logic_BOOL, (l, r) => compareTimestamp(l, r) < 0),
    // <=
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_BOOL, logic_BOOL], logic_BOOL, (l, r) => l <= r),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_BYTES, logic_BYTES], logic_BOOL, (l, r) => compareBytes(l, r) <= 0),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_DOUBLE, logic_DOUBLE], logic_BOOL, (l, r) => l <= r),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_STRING, logic_STRING], logic_BOOL, (l, r) => l <= r),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_INT, logic_INT], logic_BOOL, (l, r) => l <= r),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_INT, logic_UINT], logic_BOOL, (l, r) => l <= r.value),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_UINT, logic_INT], logic_BOOL, (l, r) => l.value <= r),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_UINT, logic_UINT], logic_BOOL, (l, r) => l.value <= r.value),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_INT, logic_DOUBLE], logic_BOOL, (l, r) => Number(l) <= r),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_DOUBLE, logic_INT], logic_BOOL, (l, r) => l <= Number(r)),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_DOUBLE, logic_UINT], logic_BOOL, (l, r) => l <= Number(r.value)),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [logic_UINT, logic_DOUBLE], logic_BOOL, (l, r) => Number(l.value) <= r),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [type/* DURATION */.ft, type/* DURATION */.ft], logic_BOOL, (l, r) => compareDuration(l, r) <= 0),
    (0,esm_func/* celFunc */.V)(LESS_EQUALS, [type/* TIMESTAMP */.ht, type/* TIMESTAMP */.ht], logic_BOOL, (l, r) => compareTimestamp(l, r) <= 0),
    // >
    (0,esm_func/* celFunc */.V)(GREATER, [logic_BOOL, logic_BOOL], logic_BOOL, (l, r) => l > r),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_BYTES, logic_BYTES], logic_BOOL, (l, r) => compareBytes(l, r) > 0),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_DOUBLE, logic_DOUBLE], logic_BOOL, (l, r) => l > r),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_STRING, logic_STRING], logic_BOOL, (l, r) => l > r),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_INT, logic_INT], logic_BOOL, (l, r) => l > r),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_INT, logic_UINT], logic_BOOL, (l, r) => l > r.value),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_UINT, logic_INT], logic_BOOL, (l, r) => l.value > r),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_UINT, logic_UINT], logic_BOOL, (l, r) => l.value > r.value),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_INT, logic_DOUBLE], logic_BOOL, (l, r) => Number(l) > r),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_DOUBLE, logic_INT], logic_BOOL, (l, r) => l > Number(r)),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_DOUBLE, logic_UINT], logic_BOOL, (l, r) => l > Number(r.value)),
    (0,esm_func/* celFunc */.V)(GREATER, [logic_UINT, logic_DOUBLE], logic_BOOL, (l, r) => Number(l.value) > r),
    (0,esm_func/* celFunc */.V)(GREATER, [type/* DURATION */.ft, type/* DURATION */.ft], logic_BOOL, (l, r) => compareDuration(l, r) > 0),
    (0,esm_func/* celFunc */.V)(GREATER, [type/* TIMESTAMP */.ht, type/* TIMESTAMP */.ht], logic_BOOL, (l, r) => compareTimestamp(l, r) > 0),
    // >=
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_BOOL, logic_BOOL], logic_BOOL, (l, r) => l >= r),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_BYTES, logic_BYTES], logic_BOOL, (l, r) => compareBytes(l, r) >= 0),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_DOUBLE, logic_DOUBLE], logic_BOOL, (l, r) => l >= r),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_STRING, logic_STRING], logic_BOOL, (l, r) => l >= r),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_INT, logic_INT], logic_BOOL, (l, r) => l >= r),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_INT, logic_UINT], logic_BOOL, (l, r) => l >= r.value),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_UINT, logic_INT], logic_BOOL, (l, r) => l.value >= r),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_UINT, logic_UINT], logic_BOOL, (l, r) => l.value >= r.value),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_INT, logic_DOUBLE], logic_BOOL, (l, r) => Number(l) >= r),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_DOUBLE, logic_INT], logic_BOOL, (l, r) => l >= Number(r)),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_DOUBLE, logic_UINT], logic_BOOL, (l, r) => l >= Number(r.value)),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [logic_UINT, logic_DOUBLE], logic_BOOL, (l, r) => Number(l.value) >= r),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [type/* DURATION */.ft, type/* DURATION */.ft], logic_BOOL, (l, r) => compareDuration(l, r) >= 0),
    (0,esm_func/* celFunc */.V)(GREATER_EQUALS, [type/* TIMESTAMP */.ht, type/* TIMESTAMP */.ht], logic_BOOL, (l, r) => compareTimestamp(l, r) >= 0),
    // size
    (0,esm_func/* celFunc */.V)(SIZE, [logic_BYTES], logic_INT, (x) => BigInt(x.length)),
    (0,esm_func/* celFunc */.V)(SIZE, [logic_LIST], logic_INT, (x) => BigInt(x.size)),
    (0,esm_func/* celFunc */.V)(SIZE, [logic_STRING], logic_INT, (x) => BigInt([...x].length)),
    (0,esm_func/* celFunc */.V)(SIZE, [logic_MAP], logic_INT, (x) => BigInt(x.size)),
    (0,esm_func/* celMethod */.y)(SIZE, logic_BYTES, [], logic_INT, function () { return BigInt(this.length); }),
    (0,esm_func/* celMethod */.y)(SIZE, logic_LIST, [], logic_INT, function () { return BigInt(this.size); }),
    (0,esm_func/* celMethod */.y)(SIZE, logic_STRING, [], logic_INT, function () { return BigInt([...this].length); }),
    (0,esm_func/* celMethod */.y)(SIZE, logic_MAP, [], logic_INT, function () { return BigInt(this.size); }),
    // in
    (0,esm_func/* celFunc */.V)(IN, [logic_DYN, logic_LIST], logic_BOOL, inList),
    (0,esm_func/* celFunc */.V)(IN, [logic_STRING, logic_MAP], logic_BOOL, inMap),
    (0,esm_func/* celFunc */.V)(IN, [logic_DOUBLE, logic_MAP], logic_BOOL, inMap),
    (0,esm_func/* celFunc */.V)(IN, [logic_INT, logic_MAP], logic_BOOL, inMap),
    (0,esm_func/* celFunc */.V)(IN, [logic_BOOL, logic_MAP], logic_BOOL, inMap),
    (0,esm_func/* celFunc */.V)(IN, [logic_UINT, logic_MAP], logic_BOOL, inMap),
    // string.*
    (0,esm_func/* celMethod */.y)(CONTAINS, logic_STRING, [logic_STRING], logic_BOOL, String.prototype.includes),
    (0,esm_func/* celMethod */.y)(ENDS_WITH, logic_STRING, [logic_STRING], logic_BOOL, String.prototype.endsWith),
    (0,esm_func/* celMethod */.y)(STARTS_WITH, logic_STRING, [logic_STRING], logic_BOOL, String.prototype.startsWith),
    (0,esm_func/* celMethod */.y)(MATCHES, logic_STRING, [logic_STRING], logic_BOOL, matches),
]);

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/std/time.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.





function getDayOfYear(date) {
    const start = new Date(0, 0, 1);
    start.setFullYear(date.getFullYear());
    const diff = date.getTime() - start.getTime();
    const oneDay = 1000 * 60 * 60 * 24;
    return Math.floor(diff / oneDay);
}
function convertToDate(msg, tz) {
    const ts = msg.message;
    let val = timestampDate(ts);
    if (tz === undefined) {
        return new Date(val.getUTCFullYear(), val.getUTCMonth(), val.getUTCDate(), val.getUTCHours(), val.getUTCMinutes(), val.getUTCSeconds(), val.getUTCMilliseconds());
    }
    // Timezone can either be Fixed or IANA or "UTC".
    // We first check for the fixed offset case.
    //
    // Ref: https://github.com/google/cel-spec/blob/master/doc/langdef.md#timezones
    const timeOffset = tz.match(/^(?<sign>[+-]?)(?<hours>\d\d):(?<minutes>\d\d)$/);
    if (timeOffset?.groups) {
        const sign = timeOffset.groups.sign == "-" ? 1 : -1;
        const hours = parseInt(timeOffset.groups.hours);
        const minutes = parseInt(timeOffset.groups.minutes);
        const offset = sign * (hours * 60 * 60 * 1000 + minutes * 60 * 1000);
        val = new Date(val.getTime() - offset);
        return new Date(val.getUTCFullYear(), val.getUTCMonth(), val.getUTCDate(), val.getUTCHours(), val.getUTCMinutes(), val.getUTCSeconds(), val.getUTCMilliseconds());
    }
    // Must be an IANA timezone, so we use the Intl API to format the string
    // in the desired timezone and extract the parts from that.
    //
    // The APIs are part of baseline 2020.
    const format = new Intl.DateTimeFormat("en-US", {
        hourCycle: "h23",
        hour12: false,
        timeZone: tz,
        year: "numeric",
        month: "numeric",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
    });
    let year, month, day, hour, minute, second;
    for (const part of format.formatToParts(val)) {
        switch (part.type) {
            case "year":
                year = parseInt(part.value);
                break;
            case "month":
                month = parseInt(part.value) - 1;
                break;
            case "day":
                day = parseInt(part.value);
                break;
            case "hour":
                hour = parseInt(part.value);
                break;
            case "minute":
                minute = parseInt(part.value);
                break;
            case "second":
                second = parseInt(part.value);
                break;
        }
    }
    if (year === undefined ||
        month === undefined ||
        day === undefined ||
        hour === undefined ||
        minute === undefined ||
        second === undefined) {
        throw new Error(`Error converting ${(0,to_json/* toJson */.aB)(timestamp_pb/* TimestampSchema */.w, ts)} to IANA timezone ${tz}`);
    }
    return new Date(year, month, day, hour, minute, second, val.getUTCMilliseconds());
}
const { STRING: time_STRING, INT: time_INT } = type/* CelScalar */.ZR;
function celTimeMethods(name, func) {
    function method(tz) {
        const date = convertToDate(this, tz);
        const result = func(date);
        try {
            return BigInt(result);
        }
        catch (_e) {
            throw new Error(`Error converting ${result} of ${String(date)} of ${(0,to_json/* toJson */.aB)(timestamp_pb/* TimestampSchema */.w, this.message)} to BigInt`);
        }
    }
    return [
        (0,esm_func/* celMethod */.y)(name, type/* TIMESTAMP */.ht, [], time_INT, method),
        (0,esm_func/* celMethod */.y)(name, type/* TIMESTAMP */.ht, [time_STRING], time_INT, method),
    ];
}
// biome-ignore format: table
/* harmony default export */ const time = ([
    // Duration
    (0,esm_func/* celMethod */.y)(TIME_GET_SECONDS, type/* DURATION */.ft, [], time_INT, function () { return this.message.seconds; }),
    (0,esm_func/* celMethod */.y)(TIME_GET_MINUTES, type/* DURATION */.ft, [], time_INT, function () { return this.message.seconds / 60n; }),
    (0,esm_func/* celMethod */.y)(TIME_GET_HOURS, type/* DURATION */.ft, [], time_INT, function () { return this.message.seconds / 3600n; }),
    (0,esm_func/* celMethod */.y)(TIME_GET_MILLISECONDS, type/* DURATION */.ft, [], time_INT, function () { return BigInt(this.message.nanos) / 1000000n; }),
    // Timestamp
    ...celTimeMethods(TIME_GET_FULL_YEAR, (x) => x.getFullYear()),
    ...celTimeMethods(TIME_GET_MONTH, (x) => x.getMonth()),
    ...celTimeMethods(TIME_GET_DATE, (x) => x.getDate()),
    ...celTimeMethods(TIME_GET_DAY_OF_MONTH, (x) => x.getDate() - 1),
    ...celTimeMethods(TIME_GET_DAY_OF_WEEK, (x) => x.getDay()),
    ...celTimeMethods(TIME_GET_DAY_OF_YEAR, (x) => getDayOfYear(x)),
    ...celTimeMethods(TIME_GET_SECONDS, (x) => x.getSeconds()),
    ...celTimeMethods(TIME_GET_MINUTES, (x) => x.getMinutes()),
    ...celTimeMethods(TIME_GET_HOURS, (x) => x.getHours()),
    ...celTimeMethods(TIME_GET_MILLISECONDS, (x) => x.getMilliseconds()),
]);

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/scope.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
const scope_privateSymbol = Symbol.for("@bufbuild/cel/scope");
/**
 * Creates a new VariableScope from the provided inputs.
 */
function createScope(inputs, parent) {
    const variables = new Map();
    if (inputs) {
        for (const [name, type] of Object.entries(inputs)) {
            variables.set(name, type);
        }
    }
    return new Scope(variables, parent);
}
class Scope {
    _variables;
    _parent;
    [scope_privateSymbol] = {};
    constructor(_variables, _parent = undefined) {
        this._variables = _variables;
        this._parent = _parent;
    }
    *[Symbol.iterator]() {
        for (const [name, type] of this._parent ?? []) {
            if (!this._variables.has(name)) {
                yield [name, type];
            }
        }
        for (const [name, type] of this._variables) {
            yield [name, type];
        }
    }
    push(inputs) {
        return createScope(inputs, this);
    }
    pop() {
        return this._parent;
    }
    find(name) {
        if (this._variables.has(name)) {
            return this._variables.get(name);
        }
        return this._parent?.find(name);
    }
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/env.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.










const env_privateSymbol = Symbol.for("@bufbuild/cel/env");
const { BOOL: env_BOOL, STRING: env_STRING } = type/* CelScalar */.ZR;
/**
 * Creates a new CelEnv.
 */
function celEnv(options) {
    // if re2 is present, we have another value to add at the end of createResolver list, which will override the match
    // defined in logic
    const re2Funcs = [];
    if (options?.re2 !== undefined) {
        const regex = options.re2;
        re2Funcs.push((0,esm_func/* celMethod */.y)(MATCHES, env_STRING, [env_STRING], env_BOOL, function (pattern) {
            return regex.compile(pattern).test(this);
        }));
    }
    return new _CelEnv(options?.namespace ?? "", options?.registry
        ? createRegistryWithWKT(options.registry)
        : createRegistryWithWKT(), createResolver(math, cast, time, logic, options?.funcs ?? [], re2Funcs), createScope(options?.variables));
}
class _CelEnv {
    _namespace;
    _registry;
    _funcs;
    _variables;
    [env_privateSymbol] = {};
    constructor(_namespace, _registry, _funcs, _variables) {
        this._namespace = _namespace;
        this._registry = _registry;
        this._funcs = _funcs;
        this._variables = _variables;
    }
    get namespace() {
        return this._namespace;
    }
    get registry() {
        return this._registry;
    }
    get funcs() {
        return this._funcs;
    }
    get variables() {
        return this._variables;
    }
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/logic-manager.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
class LogicManager {
    builder;
    function;
    terms;
    ops;
    variadicASTs;
    constructor(builder, functionName, term, variadicASTs) {
        this.builder = builder;
        this.function = functionName;
        this.terms = [term];
        this.ops = [];
        this.variadicASTs = variadicASTs;
    }
    static newVariadicLogicManager(builder, functionName, term) {
        return new LogicManager(builder, functionName, term, true);
    }
    static newBalancingLogicManager(builder, functionName, term) {
        return new LogicManager(builder, functionName, term, false);
    }
    addTerm(op, term) {
        this.terms.push(term);
        this.ops.push(op);
    }
    toExpr() {
        if (this.terms.length === 1) {
            return this.terms[0];
        }
        if (this.variadicASTs) {
            return this.builder.nextExpr(this.ops[0], {
                case: "callExpr",
                value: {
                    $typeName: "cel.expr.Expr.Call",
                    function: this.function,
                    args: this.terms,
                },
            });
        }
        return this.balancedTree(0, this.ops.length - 1);
    }
    balancedTree(lo, hi) {
        const mid = Math.floor((lo + hi + 1) / 2);
        let left;
        if (mid === lo) {
            left = this.terms[mid];
        }
        else {
            left = this.balancedTree(lo, mid - 1);
        }
        let right;
        if (mid === hi) {
            right = this.terms[mid + 1];
        }
        else {
            right = this.balancedTree(mid + 1, hi);
        }
        return this.builder.nextExpr(this.ops[mid], {
            case: "callExpr",
            value: {
                $typeName: "cel.expr.Expr.Call",
                function: this.function,
                args: [left, right],
            },
        });
    }
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/builder.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

const builder_encoder = new TextEncoder();
const accuVarName = "@result";
class Builder {
    #prevId = 0n;
    sourceInfo = {
        $typeName: "cel.expr.SourceInfo",
        syntaxVersion: "",
        location: "",
        lineOffsets: [],
        positions: {},
        macroCalls: {},
        extensions: [],
    };
    nextExpr(offset, exprKind) {
        this.sourceInfo.positions[(++this.#prevId).toString()] = offset;
        return {
            $typeName: "cel.expr.Expr",
            id: this.#prevId,
            exprKind,
        };
    }
    nextEntry(offset, keyKind, value) {
        this.sourceInfo.positions[(++this.#prevId).toString()] = offset;
        return {
            $typeName: "cel.expr.Expr.CreateStruct.Entry",
            id: this.#prevId,
            keyKind,
            value,
            optionalEntry: false,
        };
    }
    newConstExpr(offset, constantKind) {
        return this.nextExpr(offset, {
            case: "constExpr",
            value: { $typeName: "cel.expr.Constant", constantKind },
        });
    }
    newCallExpr(offset, functionName, args) {
        if (functionName === "has" &&
            args.length === 1 &&
            args[0].exprKind?.case === "selectExpr") {
            return this.expandHasMacro(offset, args[0]);
        }
        if ((functionName === "_||_" || functionName === "_&&_") &&
            args.length > 1) {
            const logicManager = LogicManager.newBalancingLogicManager(this, functionName, args[0]);
            for (let i = 1; i < args.length; i += 1) {
                logicManager.addTerm(offset, args[i]);
            }
            return logicManager.toExpr();
        }
        return this.nextExpr(offset, {
            case: "callExpr",
            value: {
                $typeName: "cel.expr.Expr.Call",
                function: functionName,
                args,
            },
        });
    }
    newMemberCallExpr(offset, target, functionName, args) {
        return this.maybeExpand(offset, this.nextExpr(offset, {
            case: "callExpr",
            value: {
                $typeName: "cel.expr.Expr.Call",
                function: functionName,
                target,
                args,
            },
        }));
    }
    newStringExpr(offset, sequence) {
        return this.newConstExpr(offset, {
            case: "stringValue",
            value: sequence.reduce((string, chunk) => {
                if (typeof chunk !== "string") {
                    if (chunk.some((cp) => cp >= 0xd800 && cp < 0xe000)) {
                        // surrogates, whether paired or not, are not allowed in UTF-8
                        throw new Error("surrogate code points are not allowed");
                    }
                    return string + String.fromCodePoint(...chunk);
                }
                return string + chunk;
            }, ""),
        });
    }
    newBytesExpr(offset, sequence) {
        const chunks = [];
        let totalSize = 0;
        for (const rawChunk of sequence) {
            const chunk = typeof rawChunk === "string" ? builder_encoder.encode(rawChunk) : rawChunk;
            chunks.push(chunk);
            totalSize += chunk.length;
        }
        const value = new Uint8Array(totalSize);
        let chunkOffset = 0;
        for (const chunk of chunks) {
            value.set(chunk, chunkOffset);
            chunkOffset += chunk.length;
        }
        return this.newConstExpr(offset, {
            case: "bytesValue",
            value,
        });
    }
    newBoolExpr(offset, keyword) {
        return this.newConstExpr(offset, {
            case: "boolValue",
            value: keyword === "true",
        });
    }
    newInt64Expr(offset, digits) {
        return this.newConstExpr(offset, {
            case: "int64Value",
            value: digits[0] === "-" ? -BigInt(digits.slice(1)) : BigInt(digits),
        });
    }
    newUnsignedInt64Expr(offset, digits) {
        return this.newConstExpr(offset, {
            case: "uint64Value",
            value: BigInt(digits),
        });
    }
    newDoubleExpr(offset, digits) {
        return this.newConstExpr(offset, {
            case: "doubleValue",
            value: parseFloat(digits),
        });
    }
    newNullExpr(offset) {
        return this.newConstExpr(offset, {
            case: "nullValue",
            value: 0,
        });
    }
    newIdentExpr(offset, name) {
        const expr = this.nextExpr(offset, {
            case: "identExpr",
            value: { $typeName: "cel.expr.Expr.Ident", name },
        });
        return expr;
    }
    newInfixExpr(offset, op, args) {
        return this.newCallExpr(offset, op === "in" ? "@in" : `_${op}_`, args);
    }
    newSelectExpr(offset, operand, field) {
        return this.nextExpr(offset, {
            case: "selectExpr",
            value: {
                $typeName: "cel.expr.Expr.Select",
                operand,
                field,
                testOnly: false,
            },
        });
    }
    newIndexExpr(offset, operand, index) {
        return this.newCallExpr(offset, "_[_]", [operand, index]);
    }
    expandHasMacro(offset, target) {
        if (target.exprKind.case !== "selectExpr") {
            return this.newCallExpr(offset, "has", [target]);
        }
        const test = this.nextExpr(offset, {
            case: "selectExpr",
            value: { ...target.exprKind.value, testOnly: true },
        });
        this.addMacroCall(test.id, "has", undefined, [target]);
        return test;
    }
    newListExpr(offset, elements) {
        return this.nextExpr(offset, {
            case: "listExpr",
            value: {
                $typeName: "cel.expr.Expr.CreateList",
                elements,
                optionalIndices: [],
            },
        });
    }
    newBoolMacro(offset, iterRange, iterVar, init, loopStep, loopCondition) {
        return this.nextExpr(offset, {
            case: "comprehensionExpr",
            value: {
                $typeName: "cel.expr.Expr.Comprehension",
                accuVar: accuVarName,
                accuInit: this.newConstExpr(offset, {
                    case: "boolValue",
                    value: init,
                }),
                iterVar,
                iterVar2: "", // not yet supported
                iterRange,
                loopStep,
                loopCondition,
                result: this.newIdentExpr(offset, accuVarName),
            },
        });
    }
    newListMacro(offset, iterRange, iterVar, loopStep) {
        return this.nextExpr(offset, {
            case: "comprehensionExpr",
            value: {
                $typeName: "cel.expr.Expr.Comprehension",
                accuVar: accuVarName,
                accuInit: this.newListExpr(offset, []),
                iterVar,
                iterVar2: "", // not yet supported
                iterRange,
                loopCondition: this.newConstExpr(offset, {
                    case: "boolValue",
                    value: true,
                }),
                loopStep,
                result: this.newIdentExpr(offset, accuVarName),
            },
        });
    }
    expandExistsMacro(offset, target, x, test) {
        return this.newBoolMacro(offset, target, x, false, this.newCallExpr(offset, "_||_", [
            this.newIdentExpr(offset, accuVarName),
            test,
        ]), this.newCallExpr(offset, "@not_strictly_false", [
            this.newCallExpr(offset, "!_", [
                this.newIdentExpr(offset, accuVarName),
            ]),
        ]));
    }
    expandAllMacro(offset, target, x, test) {
        return this.newBoolMacro(offset, target, x, true, this.newCallExpr(offset, "_&&_", [
            this.newIdentExpr(offset, accuVarName),
            test,
        ]), this.newCallExpr(offset, "@not_strictly_false", [
            this.newIdentExpr(offset, accuVarName),
        ]));
    }
    expandMapMacro(offset, target, x, step) {
        return this.newListMacro(offset, target, x, this.newCallExpr(offset, "_+_", [
            this.newIdentExpr(offset, accuVarName),
            this.newListExpr(offset, [step]),
        ]));
    }
    expandMapFilterMacro(offset, target, x, test, step) {
        return this.newListMacro(offset, target, x, this.newCallExpr(offset, "_?_:_", [
            test,
            this.newCallExpr(offset, "_+_", [
                this.newIdentExpr(offset, accuVarName),
                this.newListExpr(offset, [step]),
            ]),
            this.newIdentExpr(offset, accuVarName),
        ]));
    }
    expandFilterMacro(offset, target, x, step) {
        return this.newListMacro(offset, target, x, this.newCallExpr(offset, "_?_:_", [
            step,
            this.newCallExpr(offset, "_+_", [
                this.newIdentExpr(offset, accuVarName),
                this.newListExpr(offset, [this.newIdentExpr(offset, x)]),
            ]),
            this.newIdentExpr(offset, accuVarName),
        ]));
    }
    expandExistsOne(offset, iterRange, iterVar, step) {
        return this.nextExpr(offset, {
            case: "comprehensionExpr",
            value: {
                $typeName: "cel.expr.Expr.Comprehension",
                accuVar: accuVarName,
                accuInit: this.newConstExpr(offset, {
                    case: "int64Value",
                    value: BigInt(0),
                }),
                iterVar,
                iterVar2: "", // not yet supported
                iterRange,
                loopCondition: this.newConstExpr(offset, {
                    case: "boolValue",
                    value: true,
                }),
                loopStep: this.newCallExpr(offset, "_?_:_", [
                    step,
                    this.newCallExpr(offset, "_+_", [
                        this.newIdentExpr(offset, accuVarName),
                        this.newConstExpr(offset, {
                            case: "int64Value",
                            value: BigInt(1),
                        }),
                    ]),
                    this.newIdentExpr(offset, accuVarName),
                ]),
                result: this.newCallExpr(offset, "_==_", [
                    this.newIdentExpr(offset, accuVarName),
                    this.newConstExpr(offset, {
                        case: "int64Value",
                        value: BigInt(1),
                    }),
                ]),
            },
        });
    }
    maybeExpand(offset, call) {
        if (call.exprKind.case === "callExpr") {
            const callExpr = call.exprKind.value;
            const varName = callExpr.args[0];
            // const varIndex = callExpr.args.length > 1 ? callExpr.args[1] : "";
            if (varName !== undefined &&
                call.exprKind.value.target !== undefined &&
                varName.exprKind?.case === "identExpr") {
                let expanded;
                if (callExpr.args.length === 2) {
                    switch (callExpr.function) {
                        case "exists":
                            expanded = this.expandExistsMacro(offset, call.exprKind.value.target, varName.exprKind.value.name, call.exprKind.value.args[1]);
                            break;
                        case "all":
                            expanded = this.expandAllMacro(offset, call.exprKind.value.target, varName.exprKind.value.name, call.exprKind.value.args[1]);
                            break;
                        case "map":
                            expanded = this.expandMapMacro(offset, call.exprKind.value.target, varName.exprKind.value.name, call.exprKind.value.args[1]);
                            break;
                        case "filter":
                            expanded = this.expandFilterMacro(offset, call.exprKind.value.target, varName.exprKind.value.name, call.exprKind.value.args[1]);
                            break;
                        case "exists_one":
                        case "existsOne":
                            expanded = this.expandExistsOne(offset, call.exprKind.value.target, varName.exprKind.value.name, call.exprKind.value.args[1]);
                            break;
                    }
                }
                if (callExpr.args.length === 3 && callExpr.function == "map") {
                    expanded = this.expandMapFilterMacro(offset, call.exprKind.value.target, varName.exprKind.value.name, call.exprKind.value.args[1], call.exprKind.value.args[2]);
                }
                if (expanded !== undefined) {
                    this.addMacroCall(expanded.id, callExpr.function, callExpr.target, callExpr.args);
                    return expanded;
                }
            }
        }
        return call;
    }
    addMacroCall(exprId, functionName, target, args) {
        const macroArgs = args.map((arg) => this.buildMacroCallArg(arg));
        const macroTarget = target !== undefined ? this.buildMacroCallArg(target) : undefined;
        const macroCall = macroTarget !== undefined
            ? {
                $typeName: "cel.expr.Expr",
                id: 0n,
                exprKind: {
                    case: "callExpr",
                    value: {
                        $typeName: "cel.expr.Expr.Call",
                        function: functionName,
                        target: macroTarget,
                        args: macroArgs,
                    },
                },
            }
            : {
                $typeName: "cel.expr.Expr",
                id: 0n,
                exprKind: {
                    case: "callExpr",
                    value: {
                        $typeName: "cel.expr.Expr.Call",
                        function: functionName,
                        args: macroArgs,
                    },
                },
            };
        this.sourceInfo.macroCalls[exprId.toString()] = macroCall;
    }
    buildMacroCallArg(expr) {
        if (this.sourceInfo.macroCalls[expr.id.toString()] !== undefined) {
            return {
                $typeName: "cel.expr.Expr",
                id: expr.id,
                exprKind: { case: undefined, value: undefined },
            };
        }
        if (expr.exprKind.case === "callExpr") {
            const call = expr.exprKind.value;
            const macroArgs = call.args.map((arg) => this.buildMacroCallArg(arg));
            const macroTarget = call.target !== undefined
                ? this.buildMacroCallArg(call.target)
                : undefined;
            return {
                $typeName: "cel.expr.Expr",
                id: expr.id,
                exprKind: {
                    case: "callExpr",
                    value: {
                        $typeName: "cel.expr.Expr.Call",
                        function: call.function,
                        target: macroTarget,
                        args: macroArgs,
                    },
                },
            };
        }
        if (expr.exprKind.case === "selectExpr") {
            const sel = expr.exprKind.value;
            return {
                $typeName: "cel.expr.Expr",
                id: expr.id,
                exprKind: {
                    case: "selectExpr",
                    value: {
                        $typeName: "cel.expr.Expr.Select",
                        operand: sel.operand
                            ? this.buildMacroCallArg(sel.operand)
                            : undefined,
                        field: sel.field,
                        testOnly: sel.testOnly,
                    },
                },
            };
        }
        if (expr.exprKind.case === "listExpr") {
            const list = expr.exprKind.value;
            return {
                $typeName: "cel.expr.Expr",
                id: expr.id,
                exprKind: {
                    case: "listExpr",
                    value: {
                        $typeName: "cel.expr.Expr.CreateList",
                        elements: list.elements.map((el) => this.buildMacroCallArg(el)),
                        optionalIndices: list.optionalIndices,
                    },
                },
            };
        }
        return expr;
    }
    newMapEntry(offset, key, value) {
        return this.nextEntry(offset, {
            case: "mapKey",
            value: key,
        }, value);
    }
    newStructExpr(offset, entries, messageName = "") {
        return this.nextExpr(offset, {
            case: "structExpr",
            value: {
                $typeName: "cel.expr.Expr.CreateStruct",
                entries,
                messageName,
            },
        });
    }
    newStructEntry(offset, field, value) {
        return this.nextEntry(offset, {
            case: "fieldKey",
            value: field,
        }, value);
    }
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/parser.js
var runtime;
(function (runtime) {
    class GrammarLocation {
        source;
        start;
        constructor(source, start) {
            this.source = source;
            this.start = start;
        }
        toString() {
            return String(this.source);
        }
        offset(loc) {
            return {
                line: loc.line + this.start.line - 1,
                column: loc.line === 1 ? loc.column + this.start.column - 1 : loc.column,
                offset: loc.offset + this.start.offset,
            };
        }
        static offsetStart(range) {
            if (range.source instanceof GrammarLocation) {
                return range.source.offset(range.start);
            }
            return range.start;
        }
        static offsetEnd(range) {
            if (range.source instanceof GrammarLocation) {
                return range.source.offset(range.end);
            }
            return range.end;
        }
    }
    runtime.GrammarLocation = GrammarLocation;
    function padEnd(str, targetLength, padString) {
        padString = padString || " ";
        if (str.length > targetLength) {
            return str;
        }
        targetLength -= str.length;
        padString += padString.repeat(targetLength);
        return str + padString.slice(0, targetLength);
    }
    runtime.padEnd = padEnd;
    class ParseFailure {
    }
    runtime.ParseFailure = ParseFailure;
    function isFailure(r) {
        return !r.success;
    }
    runtime.isFailure = isFailure;
    function getLine(input, offset) {
        let line = 1;
        for (let i = 0; i < offset; i++) {
            if (input[i] === "\r") {
                if (input[i + 1] === "\n") {
                    i++;
                }
                line++;
            }
            else if (input[i] === "\n") {
                line++;
            }
        }
        return line;
    }
    function getColumn(input, offset) {
        let column = 1;
        for (let i = offset; i > 0; i--) {
            if (["\n", "\r"].includes(input[i - 1])) {
                break;
            }
            column++;
        }
        return column;
    }
    function getLocation(source, input, start, remainder) {
        return {
            source,
            start: {
                offset: input.length - start.length,
                line: getLine(input, input.length - start.length),
                column: getColumn(input, input.length - start.length),
            },
            end: {
                offset: input.length - remainder.length,
                line: getLine(input, input.length - remainder.length),
                column: getColumn(input, input.length - remainder.length),
            },
        };
    }
    runtime.getLocation = getLocation;
    function getRange(source, input, start, remainder) {
        return {
            source,
            start: input.length - start.length,
            end: input.length - remainder.length,
        };
    }
    runtime.getRange = getRange;
    function getText(start, remainder) {
        return start.slice(0, remainder.length > 0 ? -remainder.length : undefined);
    }
    runtime.getText = getText;
})(runtime || (runtime = {}));
class ParseError extends Error {
    rawMessage;
    location;
    constructor(message, location, name = "parse error") {
        super(ParseError.#formatMessage(message, location));
        this.name = name;
        this.rawMessage = message;
        this.location = location;
    }
    static #formatMessage(message, location) {
        const source = location.source !== undefined ? String(location.source) : "<input>";
        return (`${source}:${location.start.line}:${location.start.column}: ` + message);
    }
}
class ParseSyntaxError extends ParseError {
    expected;
    found;
    constructor(expected, found, location, name = "syntax error") {
        super(ParseSyntaxError.#formatMessage(expected, found), location, name);
        this.expected = expected;
        this.found = found;
    }
    static #formatMessage(expected, found) {
        function encode(s) {
            return ("'" +
                s.replace(/[\\\x07\b\f\n\r\t\v']/g, (match) => {
                    switch (match) {
                        case "\\":
                            return "\\\\";
                        case "\x07":
                            return "\\x07";
                        case "\b":
                            return "\\b";
                        case "\f":
                            return "\\f";
                        case "\n":
                            return "\\n";
                        case "\r":
                            return "\\r";
                        case "\t":
                            return "\\t";
                        case "\v":
                            return "\\v";
                        case "'":
                            return "\\'";
                        default:
                            throw new Error("Unexpected string encoding replacement character. This should be an unreachable error.");
                    }
                }) +
                "'");
        }
        function describeExpected(expected) {
            const descriptions = [
                ...new Set(expected.map((e) => {
                    if (e.type === "literal") {
                        return encode(e.value);
                    }
                    return e.value;
                })),
            ];
            descriptions.sort();
            switch (descriptions.length) {
                case 1:
                    return descriptions[0];
                case 2:
                    return `${descriptions[0]} or ${descriptions[1]}`;
                default:
                    return (descriptions.slice(0, -1).join(", ") +
                        ", or " +
                        descriptions[descriptions.length - 1]);
            }
        }
        function describeFound(found) {
            return found.length === 1 ? found : "end of input";
        }
        return ("found " +
            describeFound(found) +
            " but expecting " +
            describeExpected(expected));
    }
}


const item2 = {
    type: "any",
    value: "any character",
};
const item43 = {
    type: "class",
    value: "/^[\\t\\n\\f\\r ]/g",
};
const item44 = {
    type: "other",
    value: "whitespace",
};
const item50 = {
    type: "literal",
    value: "//",
};
const item53 = {
    type: "class",
    value: "/^[^\\r\\n]/g",
};
const item58 = {
    type: "class",
    value: "/^[\\r\\n]/g",
};
const item59 = {
    type: "other",
    value: "new line",
};
const item61 = {
    type: "other",
    value: "comment",
};
const item78 = {
    type: "literal",
    value: "-",
};
const item84 = {
    type: "other",
    value: "digit",
};
const item86 = {
    type: "literal",
    value: ".",
};
const item96 = {
    type: "class",
    value: "/^[+\\-]/g",
};
const item107 = {
    type: "other",
    value: "float literal",
};
const item117 = {
    type: "literal",
    value: "0x",
};
const item127 = {
    type: "class",
    value: "/^[uU]/g",
};
const item130 = {
    type: "other",
    value: "unsigned integer literal",
};
const item146 = {
    type: "other",
    value: "integer literal",
};
const item156 = {
    type: "class",
    value: "/^[rR]/g",
};
const item161 = {
    type: "literal",
    value: '"""',
};
const item174 = {
    type: "literal",
    value: "'''",
};
const item185 = {
    type: "literal",
    value: '"',
};
const item197 = {
    type: "literal",
    value: "'",
};
const item225 = {
    type: "literal",
    value: "\\",
};
const item227 = {
    type: "class",
    value: "/^[xX]/g",
};
const item236 = {
    type: "other",
    value: "byte value",
};
const item242 = {
    type: "literal",
    value: "\\u",
};
const item250 = {
    type: "literal",
    value: "\\U",
};
const item262 = {
    type: "class",
    value: "/^[0-3]/g",
};
const item268 = {
    type: "other",
    value: "escaped bytes",
};
const item269 = {
    type: "other",
    value: "byte sequence",
};
const item275 = {
    type: "class",
    value: "/^[abfnrtv]/g",
};
const item281 = {
    type: "class",
    value: "/^[\"'`\\\\?]/g",
};
const item282 = {
    type: "other",
    value: "escaped character",
};
const item329 = {
    type: "other",
    value: "quoted character sequence",
};
const item331 = {
    type: "other",
    value: "string literal",
};
const item337 = {
    type: "class",
    value: "/^[bB]/g",
};
const item341 = {
    type: "other",
    value: "bytes literal",
};
const item348 = {
    type: "literal",
    value: "true",
};
const item350 = {
    type: "literal",
    value: "false",
};
const item352 = {
    type: "other",
    value: "boolean literal",
};
const item358 = {
    type: "literal",
    value: "null",
};
const item364 = {
    type: "other",
    value: "null literal",
};
const item377 = {
    type: "class",
    value: "/^[_a-zA-Z]/g",
};
const item382 = {
    type: "other",
    value: "identifier",
};
const item384 = {
    type: "literal",
    value: "(",
};
const item389 = {
    type: "literal",
    value: ",",
};
const item391 = {
    type: "literal",
    value: ")",
};
const item411 = {
    type: "other",
    value: "selector",
};
const item416 = {
    type: "literal",
    value: "{",
};
const item426 = {
    type: "literal",
    value: ":",
};
const item435 = {
    type: "literal",
    value: "}",
};
const item454 = {
    type: "literal",
    value: "[",
};
const item459 = {
    type: "literal",
    value: "]",
};
const item527 = {
    type: "literal",
    value: "!",
};
const item543 = {
    type: "class",
    value: "/^[*\\/%]/g",
};
const item580 = {
    type: "literal",
    value: "<=",
};
const item582 = {
    type: "literal",
    value: "<",
};
const item584 = {
    type: "literal",
    value: ">=",
};
const item586 = {
    type: "literal",
    value: ">",
};
const item588 = {
    type: "literal",
    value: "==",
};
const item590 = {
    type: "literal",
    value: "!=",
};
const item594 = {
    type: "literal",
    value: "in",
};
const item596 = {
    type: "other",
    value: "relational operator",
};
const item604 = {
    type: "literal",
    value: "&&",
};
const item610 = {
    type: "literal",
    value: "||",
};
const item619 = {
    type: "literal",
    value: "?",
};
const item628 = {
    type: "end",
    value: "end of input",
};
function parse(input, options = {}) {
    const parse$source = options.grammarSource;
    const builder = new Builder();
    const result = item1(input);
    if (result.success === true) {
        return result.value;
    }
    let remainder = input;
    let failedExpectations = [];
    for (const e of result.failedExpectations) {
        if (e.remainder.length < remainder.length) {
            remainder = e.remainder;
            failedExpectations = [];
        }
        if (e.remainder.length === remainder.length) {
            failedExpectations.push(e);
        }
    }
    throw new ParseSyntaxError(failedExpectations.map((e) => e.expectation), remainder.slice(0, 1), runtime.getLocation(parse$source, input, remainder, remainder));
    function item106(offset, digits) {
        return builder.newDoubleExpr(offset(), digits);
    }
    function item129(offset, digits) {
        return builder.newUnsignedInt64Expr(offset(), digits);
    }
    function item145(offset, digits) {
        return builder.newInt64Expr(offset(), digits);
    }
    function item238(value) {
        return parseInt(value, 16);
    }
    function item246(value) {
        return parseInt(value, 16);
    }
    function item254(value) {
        return parseInt(value, 16);
    }
    function item267(value) {
        return parseInt(value, 8);
    }
    function item276(value) {
        switch (value) {
            case "a":
                return "\x07";
            case "b":
                return "\b";
            case "f":
                return "\f";
            case "n":
                return "\n";
            case "r":
                return "\r";
            case "t":
                return "\t";
            case "v":
                return "\v";
        }
        throw new Error();
    }
    function item330(offset, bytes) {
        return builder.newStringExpr(offset(), bytes);
    }
    function item340(offset, bytes) {
        return builder.newBytesExpr(offset(), bytes);
    }
    function item351(offset, keyword) {
        return builder.newBoolExpr(offset(), keyword);
    }
    function item363(offset) {
        return builder.newNullExpr(offset());
    }
    function item381(error, id) {
        if ([
            "true",
            "false",
            "null",
            "in",
            "as",
            "break",
            "const",
            "continue",
            "else",
            "for",
            "function",
            "if",
            "import",
            "let",
            "loop",
            "package",
            "namespace",
            "return",
            "var",
            "void",
            "while",
        ].includes(id)) {
            error("reserved identifier");
        }
        return id;
    }
    function item393(offset, identifier, args) {
        return builder.newCallExpr(offset(), identifier, args);
    }
    function item410(error, selector) {
        if (["true", "false", "null", "in"].includes(selector)) {
            error("reserved keyword");
        }
        return selector;
    }
    function item430(offset, key, value) {
        return builder.newStructEntry(offset(), key, value);
    }
    function item437(offset, dot, name, entries) {
        return builder.newStructExpr(offset(), entries, (dot !== null ? dot : "") + name.join("."));
    }
    function item444(offset, name) {
        return builder.newIdentExpr(offset(), name);
    }
    function item461(offset, elements) {
        return builder.newListExpr(offset(), elements);
    }
    function item475(offset, key, value) {
        return builder.newMapEntry(offset(), key, value);
    }
    function item484(offset, entries) {
        return builder.newStructExpr(offset(), entries);
    }
    function item500(offset, field) {
        return (prevExpr) => builder.newSelectExpr(offset(), prevExpr, field);
    }
    function item509(offset, func, args) {
        return (prevExpr) => builder.newMemberCallExpr(offset(), prevExpr, func, args);
    }
    function item516(offset, index) {
        return (prevExpr) => builder.newCallExpr(offset(), "_[_]", [prevExpr, index]);
    }
    function item519(primary, tail) {
        /* : Expr */
        if (tail.length === 0) {
            return primary;
        }
        return tail.reduce((expr, op) => op(expr), primary);
    }
    function item532(offset, ops, expr) {
        /* : Expr */
        if (ops.length % 2 === 0) {
            return expr;
        }
        if (expr.exprKind.case === "callExpr" &&
            expr.exprKind.value.function === `${ops[0]}_`) {
            return expr.exprKind.value.args[0];
        }
        return builder.newCallExpr(offset(), `${ops[0]}_`, [expr]);
    }
    function item544(o) {
        return `_${o}_`;
    }
    function item547(offset, operator, nextExpr) {
        return (prevExpr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr]);
    }
    function item549(unary, tail) {
        /* : Expr */
        if (tail === null) {
            return unary;
        }
        return tail.reduce((expr, op) => op(expr), unary);
    }
    function item560(o) {
        return `_${o}_`;
    }
    function item562(offset, operator, nextExpr) {
        return (prevExpr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr]);
    }
    function item564(multiplication, tail) {
        /* : Expr */
        if (tail === null) {
            return multiplication;
        }
        return tail.reduce((expr, op) => op(expr), multiplication);
    }
    function item591(operator) {
        return `_${operator}_`;
    }
    function item595() {
        return "@in";
    }
    function item598(offset, operator, nextExpr) {
        return (prevExpr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr]);
    }
    function item600(addition, tail) {
        /* : Expr */
        if (tail === null) {
            return addition;
        }
        return tail.reduce((expr, op) => op(expr), addition);
    }
    function item606(offset, relation) {
        /* : Expr */
        if (relation.length === 1) {
            return relation[0];
        }
        const logicManager = LogicManager.newBalancingLogicManager(builder, "_&&_", relation[0]);
        for (let i = 1; i < relation.length; i += 1) {
            logicManager.addTerm(offset(), relation[i]);
        }
        return logicManager.toExpr();
    }
    function item612(offset, and) {
        /* : Expr */
        if (and.length === 1) {
            return and[0];
        }
        const logicManager = LogicManager.newBalancingLogicManager(builder, "_||_", and[0]);
        for (let i = 1; i < and.length; i += 1) {
            logicManager.addTerm(offset(), and[i]);
        }
        return logicManager.toExpr();
    }
    function item624(t, f) {
        /* : [Expr, Expr] */
        return [t, f];
    }
    function item626(offset, or, tail) {
        /* : Expr */
        if (tail === null) {
            return or;
        }
        return builder.newCallExpr(offset(), "_?_:_", [or, ...tail]);
    }
    function item627(expr) {
        return { expr, sourceInfo: builder.sourceInfo };
    }
    function item1(text) {
        const result = item4(text);
        if (result.success === true) {
            if (result.remainder.length === 0) {
                return result;
            }
            return {
                success: false,
                remainder: result.remainder,
                failedExpectations: [
                    {
                        expectation: item628,
                        remainder: result.remainder,
                    },
                ],
            };
        }
        return result;
    }
    // expr:Expr
    // { return { expr, sourceInfo: builder.sourceInfo } }
    function item4(text) {
        const result = item7(text);
        if (result.success === true) {
            return {
                success: true,
                value: item627(result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // or:ConditionalOr S
    // tail:TernaryTail?
    // {
    // /* : Expr */
    // if (tail === null) {
    // return or;
    // }
    //
    // return builder.newCallExpr(offset(), "_?_:_", [or, ...tail]);
    // }
    function item7(text) {
        const result = item8(text);
        if (result.success === true) {
            return {
                success: true,
                value: item626(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // or:ConditionalOr S
    // tail:TernaryTail?
    function item8(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item11(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        const result2 = item614(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result0.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // and:ConditionalAnd|1.., $(S "||")|
    // {
    // /* : Expr */
    // if (and.length === 1) {
    // return and[0];
    // }
    //
    // const logicManager = LogicManager.newBalancingLogicManager(
    // builder,
    // "_||_",
    // and[0]
    // );
    // for (let i = 1; i < and.length; i += 1) {
    // logicManager.addTerm(offset(), and[i]);
    // }
    // return logicManager.toExpr();
    // }
    function item11(text) {
        const result = item13(text);
        if (result.success === true) {
            return {
                success: true,
                value: item612(() => input.length - text.length, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // ConditionalAnd|1.., $(S "||")|
    function item13(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            if (values.length > 0) {
                const result = item607(r);
                failedExpectations.push(...result.failedExpectations);
                if (result.success === false) {
                    break;
                }
                r = result.remainder;
            }
            const result = item15(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        if (values.length < 1) {
            return { success: false, remainder: text, failedExpectations };
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // relation:Relation|1.., $(S "&&")|
    // {
    // /* : Expr */
    // if (relation.length === 1) {
    // return relation[0];
    // }
    //
    // const logicManager = LogicManager.newBalancingLogicManager(
    // builder,
    // "_&&_",
    // relation[0]
    // );
    // for (let i = 1; i < relation.length; i += 1) {
    // logicManager.addTerm(offset(), relation[i]);
    // }
    // return logicManager.toExpr();
    // }
    function item15(text) {
        const result = item17(text);
        if (result.success === true) {
            return {
                success: true,
                value: item606(() => input.length - text.length, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // Relation|1.., $(S "&&")|
    function item17(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            if (values.length > 0) {
                const result = item601(r);
                failedExpectations.push(...result.failedExpectations);
                if (result.success === false) {
                    break;
                }
                r = result.remainder;
            }
            const result = item19(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        if (values.length < 1) {
            return { success: false, remainder: text, failedExpectations };
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // addition:Addition tail:RelationTail?
    // {
    // /* : Expr */
    // if (tail === null) {
    // return addition;
    // }
    //
    // return tail.reduce((expr, op) => op(expr), addition);
    // }
    function item19(text) {
        const result = item20(text);
        if (result.success === true) {
            return {
                success: true,
                value: item600(result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // addition:Addition tail:RelationTail?
    function item20(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item23(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = item566(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: [result0.value, result1.value],
            remainder,
            failedExpectations,
        };
    }
    // multiplication:Multiplication tail:AdditionTail?
    // {
    // /* : Expr */
    // if (tail === null) {
    // return multiplication;
    // }
    //
    // return tail.reduce((expr, op) => op(expr), multiplication);
    // }
    function item23(text) {
        const result = item24(text);
        if (result.success === true) {
            return {
                success: true,
                value: item564(result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // multiplication:Multiplication tail:AdditionTail?
    function item24(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item27(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = item551(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: [result0.value, result1.value],
            remainder,
            failedExpectations,
        };
    }
    // unary:Unary tail:MultiplicationTail?
    // {
    // /* : Expr */
    // if (tail === null) {
    // return unary;
    // }
    //
    // return tail.reduce((expr, op) => op(expr), unary);
    // }
    function item27(text) {
        const result = item28(text);
        if (result.success === true) {
            return {
                success: true,
                value: item549(result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // unary:Unary tail:MultiplicationTail?
    function item28(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item31(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = item534(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: [result0.value, result1.value],
            remainder,
            failedExpectations,
        };
    }
    // Member
    // / S ops:$( "!"+ / "-"+ ) expr:Member
    // {
    // /* : Expr */
    // if (ops.length % 2 === 0) {
    // return expr;
    // }
    //
    // if (expr.exprKind.case === "callExpr" && expr.exprKind.value.function === `${ops[0]}_`) {
    // return expr.exprKind.value.args[0];
    // }
    //
    // return builder.newCallExpr(offset(), `${ops[0]}_`, [expr]);
    // }
    function item31(text) {
        const choices = [item33, item520];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // S primary:Primary tail:MemberTail
    // {
    // /* : Expr */
    // if (tail.length === 0) {
    // return primary;
    // }
    //
    // return tail.reduce((expr, op) => op(expr), primary);
    // }
    function item33(text) {
        const result = item34(text);
        if (result.success === true) {
            return {
                success: true,
                value: item519(result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // S primary:Primary tail:MemberTail
    function item34(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item66(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = item487(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result1.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // WhiteSpace? Comment? WhiteSpace?
    function item36(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item37(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = item45(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = item62(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result0.value, result1.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // WhiteSpace?
    function item37(text) {
        const result = item39(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: true,
            value: null,
            remainder: text,
            failedExpectations: result.failedExpectations,
        };
    }
    // WhiteSpace "whitespace"
    // = $([\t\n\f\r ]+)
    //
    function item39(text) {
        const result = item40(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item44,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // $([\t\n\f\r ]+)
    function item40(text) {
        const matches = text.match(/^([\t\n\f\r ])+/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item43,
                    remainder: text,
                },
            ],
        };
    }
    // Comment?
    function item45(text) {
        const result = item47(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: true,
            value: null,
            remainder: text,
            failedExpectations: result.failedExpectations,
        };
    }
    // Comment "comment"
    // = '//' [^\r\n]* NewLine
    //
    function item47(text) {
        const result = item48(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item61,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // '//' [^\r\n]* NewLine
    function item48(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item49(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = item51(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = item55(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result0.value, result1.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // '//'
    function item49(text) {
        if (text.startsWith("//")) {
            return {
                success: true,
                value: "//",
                remainder: text.slice(2),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item50,
                    remainder: text,
                },
            ],
        };
    }
    // [^\r\n]*
    function item51(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item52(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // [^\r\n]
    function item52(text) {
        if (/^[^\r\n]/g.test(text)) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item53,
                    remainder: text,
                },
            ],
        };
    }
    // NewLine "new line"
    // = [\r\n]+
    //
    function item55(text) {
        const result = item56(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item59,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // [\r\n]+
    function item56(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item57(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        if (values.length < 1) {
            return { success: false, remainder: text, failedExpectations };
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // [\r\n]
    function item57(text) {
        if (/^[\r\n]/g.test(text)) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item58,
                    remainder: text,
                },
            ],
        };
    }
    // WhiteSpace?
    function item62(text) {
        const result = item39(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: true,
            value: null,
            remainder: text,
            failedExpectations: result.failedExpectations,
        };
    }
    // Literal
    // / "."? S identifier:Identifier S "(" args:ExprList ")"
    // { return builder.newCallExpr(offset(), identifier, args) }
    // / dot:"."? S name:Selector|1.., S "." S| S "{" entries:FieldInits (",")? S "}"
    // { return builder.newStructExpr(offset(), entries, (dot !== null ? dot : '') + name.join('.')) }
    // / "."? S name:Selector
    // { return builder.newIdentExpr(offset(), name) }
    // / "(" @Expr ")"
    // / elements:("[" @ExprList (",")? S "]")
    // { return builder.newListExpr(offset(), elements) }
    // / entries:("{" @MapInits $((",")? S "}"))
    // { return builder.newStructExpr(offset(), entries) }
    function item66(text) {
        const choices = [
            item68,
            item365,
            item394,
            item438,
            item445,
            item450,
            item462,
        ];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // FloatLiteral / UnsignedIntLiteral / IntLiteral / StringLiteral / BytesLiteral / BooleanLiteral / NullLiteral
    function item68(text) {
        const choices = [
            item70,
            item109,
            item132,
            item148,
            item333,
            item343,
            item354,
        ];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // FloatLiteral "float literal"
    // = digits:$("-"? Digit* "." Digit+ Exponent? / "-"? Digit+ Exponent)
    // { return builder.newDoubleExpr(offset(), digits) }
    //
    function item70(text) {
        const result = item71(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item107,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // digits:$("-"? Digit* "." Digit+ Exponent? / "-"? Digit+ Exponent)
    // { return builder.newDoubleExpr(offset(), digits) }
    function item71(text) {
        const result = item73(text);
        if (result.success === true) {
            return {
                success: true,
                value: item106(() => input.length - text.length, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // $("-"? Digit* "." Digit+ Exponent? / "-"? Digit+ Exponent)
    function item73(text) {
        const matches = text.match(/^((-)?([0-9])*\.([0-9])+([eE]([+\-])?([0-9])+)?|(-)?([0-9])+[eE]([+\-])?([0-9])+)/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item78,
                    remainder: text,
                },
                {
                    expectation: item84,
                    remainder: text,
                },
                {
                    expectation: item86,
                    remainder: text,
                },
            ],
        };
    }
    // UnsignedIntLiteral "unsigned integer literal"
    // = digits:$("0x" HexDigit+ / Digit+) [uU]
    // { return builder.newUnsignedInt64Expr(offset(), digits) }
    //
    function item109(text) {
        const result = item110(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item130,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // digits:$("0x" HexDigit+ / Digit+) [uU]
    // { return builder.newUnsignedInt64Expr(offset(), digits) }
    function item110(text) {
        const result = item111(text);
        if (result.success === true) {
            return {
                success: true,
                value: item129(() => input.length - text.length, result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // digits:$("0x" HexDigit+ / Digit+) [uU]
    function item111(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item113(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = remainder.match(/^[uU]/g);
        failedExpectations.push({
            expectation: item127,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        return {
            success: true,
            value: [result0.value],
            remainder,
            failedExpectations,
        };
    }
    // $("0x" HexDigit+ / Digit+)
    function item113(text) {
        const matches = text.match(/^(0x([0-9abcdefABCDEF])+|([0-9])+)/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item117,
                    remainder: text,
                },
                {
                    expectation: item84,
                    remainder: text,
                },
            ],
        };
    }
    // IntLiteral "integer literal"
    // = digits:$("-"? ("0x" HexDigit+ / Digit+))
    // { return builder.newInt64Expr(offset(), digits) }
    //
    function item132(text) {
        const result = item133(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item146,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // digits:$("-"? ("0x" HexDigit+ / Digit+))
    // { return builder.newInt64Expr(offset(), digits) }
    function item133(text) {
        const result = item135(text);
        if (result.success === true) {
            return {
                success: true,
                value: item145(() => input.length - text.length, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // $("-"? ("0x" HexDigit+ / Digit+))
    function item135(text) {
        const matches = text.match(/^(-)?(0x([0-9abcdefABCDEF])+|([0-9])+)/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item78,
                    remainder: text,
                },
                {
                    expectation: item117,
                    remainder: text,
                },
                {
                    expectation: item84,
                    remainder: text,
                },
            ],
        };
    }
    // StringLiteral "string literal"
    // = bytes:CharacterSequence
    // { return builder.newStringExpr(offset(), bytes) }
    //
    function item148(text) {
        const result = item149(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item331,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // bytes:CharacterSequence
    // { return builder.newStringExpr(offset(), bytes) }
    function item149(text) {
        const result = item152(text);
        if (result.success === true) {
            return {
                success: true,
                value: item330(() => input.length - text.length, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // CharacterSequence "quoted character sequence"
    // = [rR] @( '"""'  @(!'"""' @.)*                  '"""'
    // / "'''"  @(!"'''" @.)*                          "'''"
    // / '"'    @(!( '"' / NewLine ) @.)*              '"'
    // / "'"    @(!( "'" / NewLine ) @.)*              "'")
    // /       ( '"""'  @(Escape / $(!'"""' @.))*      '"""'
    // / "'''"  @(Escape / $(!"'''" @.))*              "'''"
    // / '"'    @(Escape / $(!( '"' / NewLine ) @.))*  '"'
    // / "'"    @(Escape / $(!( "'" / NewLine ) @.))*  "'")
    //
    function item152(text) {
        const result = item153(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item329,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // [rR] @( '"""'  @(!'"""' @.)*                  '"""'
    // / "'''"  @(!"'''" @.)*                          "'''"
    // / '"'    @(!( '"' / NewLine ) @.)*              '"'
    // / "'"    @(!( "'" / NewLine ) @.)*              "'")
    // /       ( '"""'  @(Escape / $(!'"""' @.))*      '"""'
    // / "'''"  @(Escape / $(!"'''" @.))*              "'''"
    // / '"'    @(Escape / $(!( '"' / NewLine ) @.))*  '"'
    // / "'"    @(Escape / $(!( "'" / NewLine ) @.))*  "'")
    function item153(text) {
        const choices = [item154, item207];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // [rR] @( '"""'  @(!'"""' @.)*                  '"""'
    // / "'''"  @(!"'''" @.)*                          "'''"
    // / '"'    @(!( '"' / NewLine ) @.)*              '"'
    // / "'"    @(!( "'" / NewLine ) @.)*              "'")
    function item154(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^[rR]/g);
        failedExpectations.push({
            expectation: item156,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item158(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // '"""'  @(!'"""' @.)*                  '"""'
    // / "'''"  @(!"'''" @.)*                          "'''"
    // / '"'    @(!( '"' / NewLine ) @.)*              '"'
    // / "'"    @(!( "'" / NewLine ) @.)*              "'"
    function item158(text) {
        const choices = [item159, item172, item183, item195];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // '"""'  @(!'"""' @.)*                  '"""'
    function item159(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^"""/g);
        failedExpectations.push({
            expectation: item161,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item163(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^"""/g);
        failedExpectations.push({
            expectation: item161,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (!'"""' @.)*
    function item163(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item164(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // !'"""' @.
    function item164(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(?!""")/g);
        failedExpectations.push();
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item168(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // .
    function item168(text) {
        if (text.length > 0) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item2,
                    remainder: text,
                },
            ],
        };
    }
    // "'''"  @(!"'''" @.)*                          "'''"
    function item172(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^'''/g);
        failedExpectations.push({
            expectation: item174,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item176(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^'''/g);
        failedExpectations.push({
            expectation: item174,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (!"'''" @.)*
    function item176(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item177(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // !"'''" @.
    function item177(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(?!''')/g);
        failedExpectations.push();
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item181(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // .
    function item181(text) {
        if (text.length > 0) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item2,
                    remainder: text,
                },
            ],
        };
    }
    // '"'    @(!( '"' / NewLine ) @.)*              '"'
    function item183(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^"/g);
        failedExpectations.push({
            expectation: item185,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item187(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^"/g);
        failedExpectations.push({
            expectation: item185,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (!( '"' / NewLine ) @.)*
    function item187(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item188(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // !( '"' / NewLine ) @.
    function item188(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(?!("|([\r\n])+))/g);
        failedExpectations.push();
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item193(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // .
    function item193(text) {
        if (text.length > 0) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item2,
                    remainder: text,
                },
            ],
        };
    }
    // "'"    @(!( "'" / NewLine ) @.)*              "'"
    function item195(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^'/g);
        failedExpectations.push({
            expectation: item197,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item199(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^'/g);
        failedExpectations.push({
            expectation: item197,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (!( "'" / NewLine ) @.)*
    function item199(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item200(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // !( "'" / NewLine ) @.
    function item200(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(?!('|([\r\n])+))/g);
        failedExpectations.push();
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item205(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // .
    function item205(text) {
        if (text.length > 0) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item2,
                    remainder: text,
                },
            ],
        };
    }
    // '"""'  @(Escape / $(!'"""' @.))*      '"""'
    // / "'''"  @(Escape / $(!"'''" @.))*              "'''"
    // / '"'    @(Escape / $(!( '"' / NewLine ) @.))*  '"'
    // / "'"    @(Escape / $(!( "'" / NewLine ) @.))*  "'"
    function item207(text) {
        const choices = [item208, item291, item303, item316];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // '"""'  @(Escape / $(!'"""' @.))*      '"""'
    function item208(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^"""/g);
        failedExpectations.push({
            expectation: item161,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item211(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^"""/g);
        failedExpectations.push({
            expectation: item161,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (Escape / $(!'"""' @.))*
    function item211(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item212(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // Escape / $(!'"""' @.)
    function item212(text) {
        const choices = [item214, item283];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // Escape "escaped character"
    // = ByteSequence
    // / "\\" value:[abfnrtv]
    // {
    // switch(value) {
    // case 'a': return "\x07";
    // case 'b': return "\b";
    // case 'f': return "\f";
    // case 'n': return "\n";
    // case 'r': return "\r";
    // case 't': return "\t";
    // case 'v': return "\v";
    // }
    //
    // throw new Error();
    // }
    // / "\\" @$[\"\'\`\\?]
    //
    function item214(text) {
        const result = item215(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item282,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // ByteSequence
    // / "\\" value:[abfnrtv]
    // {
    // switch(value) {
    // case 'a': return "\x07";
    // case 'b': return "\b";
    // case 'f': return "\f";
    // case 'n': return "\n";
    // case 'r': return "\r";
    // case 't': return "\t";
    // case 'v': return "\v";
    // }
    //
    // throw new Error();
    // }
    // / "\\" @$[\"\'\`\\?]
    function item215(text) {
        const choices = [item217, item270, item277];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // ByteSequence "byte sequence"
    // = Bytes+
    //
    function item217(text) {
        const result = item218(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item269,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // Bytes+
    function item218(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item220(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        if (values.length < 1) {
            return { success: false, remainder: text, failedExpectations };
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // Bytes "escaped bytes"
    // = "\\" [xX] value:$Byte|1|        { return parseInt(value, 16) }
    // / "\\u" value:$Byte|2|            { return parseInt(value, 16) }
    // / "\\U" value:$Byte|4|            { return parseInt(value, 16) }
    // / "\\" value:$([0-3] [0-7] [0-7]) { return parseInt(value, 8) }
    //
    function item220(text) {
        const result = item221(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item268,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // "\\" [xX] value:$Byte|1|        { return parseInt(value, 16) }
    // / "\\u" value:$Byte|2|            { return parseInt(value, 16) }
    // / "\\U" value:$Byte|4|            { return parseInt(value, 16) }
    // / "\\" value:$([0-3] [0-7] [0-7]) { return parseInt(value, 8) }
    function item221(text) {
        const choices = [item222, item239, item247, item255];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // "\\" [xX] value:$Byte|1|        { return parseInt(value, 16) }
    function item222(text) {
        const result = item223(text);
        if (result.success === true) {
            return {
                success: true,
                value: item238(result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "\\" [xX] value:$Byte|1|
    function item223(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\\/g);
        failedExpectations.push({
            expectation: item225,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = remainder.match(/^[xX]/g);
        failedExpectations.push({
            expectation: item227,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        const result2 = item229(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result2.value],
            remainder,
            failedExpectations,
        };
    }
    // $Byte|1|
    function item229(text) {
        const matches = text.match(/^([0-9abcdefABCDEF][0-9abcdefABCDEF]){0,1}/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item236,
                    remainder: text,
                },
            ],
        };
    }
    // "\\u" value:$Byte|2|            { return parseInt(value, 16) }
    function item239(text) {
        const result = item240(text);
        if (result.success === true) {
            return {
                success: true,
                value: item246(result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "\\u" value:$Byte|2|
    function item240(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\\u/g);
        failedExpectations.push({
            expectation: item242,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item244(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: [result1.value],
            remainder,
            failedExpectations,
        };
    }
    // $Byte|2|
    function item244(text) {
        const matches = text.match(/^([0-9abcdefABCDEF][0-9abcdefABCDEF]){0,2}/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item236,
                    remainder: text,
                },
            ],
        };
    }
    // "\\U" value:$Byte|4|            { return parseInt(value, 16) }
    function item247(text) {
        const result = item248(text);
        if (result.success === true) {
            return {
                success: true,
                value: item254(result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "\\U" value:$Byte|4|
    function item248(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\\U/g);
        failedExpectations.push({
            expectation: item250,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item252(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: [result1.value],
            remainder,
            failedExpectations,
        };
    }
    // $Byte|4|
    function item252(text) {
        const matches = text.match(/^([0-9abcdefABCDEF][0-9abcdefABCDEF]){0,4}/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item236,
                    remainder: text,
                },
            ],
        };
    }
    // "\\" value:$([0-3] [0-7] [0-7]) { return parseInt(value, 8) }
    function item255(text) {
        const result = item256(text);
        if (result.success === true) {
            return {
                success: true,
                value: item267(result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "\\" value:$([0-3] [0-7] [0-7])
    function item256(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\\/g);
        failedExpectations.push({
            expectation: item225,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item259(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: [result1.value],
            remainder,
            failedExpectations,
        };
    }
    // $([0-3] [0-7] [0-7])
    function item259(text) {
        const matches = text.match(/^[0-3][0-7][0-7]/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item262,
                    remainder: text,
                },
            ],
        };
    }
    // "\\" value:[abfnrtv]
    // {
    // switch(value) {
    // case 'a': return "\x07";
    // case 'b': return "\b";
    // case 'f': return "\f";
    // case 'n': return "\n";
    // case 'r': return "\r";
    // case 't': return "\t";
    // case 'v': return "\v";
    // }
    //
    // throw new Error();
    // }
    function item270(text) {
        const result = item271(text);
        if (result.success === true) {
            return {
                success: true,
                value: item276(result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "\\" value:[abfnrtv]
    function item271(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\\/g);
        failedExpectations.push({
            expectation: item225,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item274(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: [result1.value],
            remainder,
            failedExpectations,
        };
    }
    // [abfnrtv]
    function item274(text) {
        if (/^[abfnrtv]/g.test(text)) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item275,
                    remainder: text,
                },
            ],
        };
    }
    // "\\" @$[\"\'\`\\?]
    function item277(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\\/g);
        failedExpectations.push({
            expectation: item225,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item280(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // $[\"\'\`\\?]
    function item280(text) {
        if (/^["'`\\?]/g.test(text)) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item281,
                    remainder: text,
                },
            ],
        };
    }
    // $(!'"""' @.)
    function item283(text) {
        const matches = text.match(/^(?!""")[\s\S]/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item2,
                    remainder: text,
                },
            ],
        };
    }
    // "'''"  @(Escape / $(!"'''" @.))*              "'''"
    function item291(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^'''/g);
        failedExpectations.push({
            expectation: item174,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item294(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^'''/g);
        failedExpectations.push({
            expectation: item174,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (Escape / $(!"'''" @.))*
    function item294(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item295(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // Escape / $(!"'''" @.)
    function item295(text) {
        const choices = [item214, item296];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // $(!"'''" @.)
    function item296(text) {
        const matches = text.match(/^(?!''')[\s\S]/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item2,
                    remainder: text,
                },
            ],
        };
    }
    // '"'    @(Escape / $(!( '"' / NewLine ) @.))*  '"'
    function item303(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^"/g);
        failedExpectations.push({
            expectation: item185,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item306(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^"/g);
        failedExpectations.push({
            expectation: item185,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (Escape / $(!( '"' / NewLine ) @.))*
    function item306(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item307(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // Escape / $(!( '"' / NewLine ) @.)
    function item307(text) {
        const choices = [item214, item308];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // $(!( '"' / NewLine ) @.)
    function item308(text) {
        const matches = text.match(/^(?!("|([\r\n])+))[\s\S]/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item2,
                    remainder: text,
                },
            ],
        };
    }
    // "'"    @(Escape / $(!( "'" / NewLine ) @.))*  "'"
    function item316(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^'/g);
        failedExpectations.push({
            expectation: item197,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item319(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^'/g);
        failedExpectations.push({
            expectation: item197,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (Escape / $(!( "'" / NewLine ) @.))*
    function item319(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item320(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // Escape / $(!( "'" / NewLine ) @.)
    function item320(text) {
        const choices = [item214, item321];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // $(!( "'" / NewLine ) @.)
    function item321(text) {
        const matches = text.match(/^(?!('|([\r\n])+))[\s\S]/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item2,
                    remainder: text,
                },
            ],
        };
    }
    // BytesLiteral "bytes literal"
    // = [bB] bytes:CharacterSequence
    // { return builder.newBytesExpr(offset(), bytes) }
    //
    function item333(text) {
        const result = item334(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item341,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // [bB] bytes:CharacterSequence
    // { return builder.newBytesExpr(offset(), bytes) }
    function item334(text) {
        const result = item335(text);
        if (result.success === true) {
            return {
                success: true,
                value: item340(() => input.length - text.length, result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // [bB] bytes:CharacterSequence
    function item335(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^[bB]/g);
        failedExpectations.push({
            expectation: item337,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item152(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: [result1.value],
            remainder,
            failedExpectations,
        };
    }
    // BooleanLiteral "boolean literal"
    // = keyword:("true" / "false")
    // { return builder.newBoolExpr(offset(), keyword) }
    //
    function item343(text) {
        const result = item344(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item352,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // keyword:("true" / "false")
    // { return builder.newBoolExpr(offset(), keyword) }
    function item344(text) {
        const result = item346(text);
        if (result.success === true) {
            return {
                success: true,
                value: item351(() => input.length - text.length, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "true" / "false"
    function item346(text) {
        const choices = [item347, item349];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // "true"
    function item347(text) {
        if (text.startsWith("true")) {
            return {
                success: true,
                value: "true",
                remainder: text.slice(4),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item348,
                    remainder: text,
                },
            ],
        };
    }
    // "false"
    function item349(text) {
        if (text.startsWith("false")) {
            return {
                success: true,
                value: "false",
                remainder: text.slice(5),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item350,
                    remainder: text,
                },
            ],
        };
    }
    // NullLiteral "null literal"
    // = "null" ![_a-zA-Z0-9]
    // { return builder.newNullExpr(offset()) }
    //
    function item354(text) {
        const result = item355(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item364,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // "null" ![_a-zA-Z0-9]
    // { return builder.newNullExpr(offset()) }
    function item355(text) {
        const result = item356(text);
        if (result.success === true) {
            return {
                success: true,
                value: item363(() => input.length - text.length),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "null" ![_a-zA-Z0-9]
    function item356(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^null/g);
        failedExpectations.push({
            expectation: item358,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = remainder.match(/^(?![_a-zA-Z0-9])/g);
        failedExpectations.push();
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        return {
            success: true,
            value: [],
            remainder,
            failedExpectations,
        };
    }
    // "."? S identifier:Identifier S "(" args:ExprList ")"
    // { return builder.newCallExpr(offset(), identifier, args) }
    function item365(text) {
        const result = item366(text);
        if (result.success === true) {
            return {
                success: true,
                value: item393(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "."? S identifier:Identifier S "(" args:ExprList ")"
    function item366(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(\.)?/g);
        failedExpectations.push({
            expectation: item86,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        const result2 = item371(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        const result3 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result3?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result3[0].length);
        const result4 = remainder.match(/^\(/g);
        failedExpectations.push({
            expectation: item384,
            remainder: remainder,
        });
        if (result4?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result4[0].length);
        const result5 = item387(remainder);
        failedExpectations.push(...result5.failedExpectations);
        if (result5.success === false) {
            return {
                success: false,
                remainder: result5.remainder,
                failedExpectations,
            };
        }
        remainder = result5.remainder;
        const result6 = remainder.match(/^\)/g);
        failedExpectations.push({
            expectation: item391,
            remainder: remainder,
        });
        if (result6?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result6[0].length);
        return {
            success: true,
            value: [result2.value, result5.value],
            remainder,
            failedExpectations,
        };
    }
    // Identifier "identifier"
    // = id:$([_a-zA-Z][_a-zA-Z0-9]*)
    // {
    // if ([
    // "true", "false", "null", "in", "as", "break", "const", "continue", "else",
    // "for", "function", "if", "import", "let", "loop", "package", "namespace",
    // "return", "var", "void", "while"
    // ].includes(id)) {
    // error("reserved identifier");
    // }
    //
    // return id;
    // }
    //
    function item371(text) {
        const result = item372(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item382,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // id:$([_a-zA-Z][_a-zA-Z0-9]*)
    // {
    // if ([
    // "true", "false", "null", "in", "as", "break", "const", "continue", "else",
    // "for", "function", "if", "import", "let", "loop", "package", "namespace",
    // "return", "var", "void", "while"
    // ].includes(id)) {
    // error("reserved identifier");
    // }
    //
    // return id;
    // }
    function item372(text) {
        const result = item374(text);
        if (result.success === true) {
            return {
                success: true,
                value: item381((message, location = runtime.getLocation(parse$source, input, text, result.remainder), name) => {
                    throw new ParseError(message, location, name);
                }, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // $([_a-zA-Z][_a-zA-Z0-9]*)
    function item374(text) {
        const matches = text.match(/^[_a-zA-Z]([_a-zA-Z0-9])*/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item377,
                    remainder: text,
                },
            ],
        };
    }
    // Expr|0.., ","|
    function item387(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            if (values.length > 0) {
                const result = item388(r);
                failedExpectations.push(...result.failedExpectations);
                if (result.success === false) {
                    break;
                }
                r = result.remainder;
            }
            const result = item7(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // ","
    function item388(text) {
        if (text.startsWith(",")) {
            return {
                success: true,
                value: ",",
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item389,
                    remainder: text,
                },
            ],
        };
    }
    // dot:"."? S name:Selector|1.., S "." S| S "{" entries:FieldInits (",")? S "}"
    // { return builder.newStructExpr(offset(), entries, (dot !== null ? dot : '') + name.join('.')) }
    function item394(text) {
        const result = item395(text);
        if (result.success === true) {
            return {
                success: true,
                value: item437(() => input.length - text.length, result.value[0], result.value[1], result.value[2]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // dot:"."? S name:Selector|1.., S "." S| S "{" entries:FieldInits (",")? S "}"
    function item395(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item397(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        const result2 = item400(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        const result3 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result3?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result3[0].length);
        const result4 = remainder.match(/^\{/g);
        failedExpectations.push({
            expectation: item416,
            remainder: remainder,
        });
        if (result4?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result4[0].length);
        const result5 = item419(remainder);
        failedExpectations.push(...result5.failedExpectations);
        if (result5.success === false) {
            return {
                success: false,
                remainder: result5.remainder,
                failedExpectations,
            };
        }
        remainder = result5.remainder;
        const result6 = remainder.match(/^(,)?/g);
        failedExpectations.push({
            expectation: item389,
            remainder: remainder,
        });
        if (result6?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result6[0].length);
        const result7 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result7?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result7[0].length);
        const result8 = remainder.match(/^\}/g);
        failedExpectations.push({
            expectation: item435,
            remainder: remainder,
        });
        if (result8?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result8[0].length);
        return {
            success: true,
            value: [result0.value, result2.value, result5.value],
            remainder,
            failedExpectations,
        };
    }
    // "."?
    function item397(text) {
        const result = item398(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: true,
            value: null,
            remainder: text,
            failedExpectations: result.failedExpectations,
        };
    }
    // "."
    function item398(text) {
        if (text.startsWith(".")) {
            return {
                success: true,
                value: ".",
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item86,
                    remainder: text,
                },
            ],
        };
    }
    // Selector|1.., S "." S|
    function item400(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            if (values.length > 0) {
                const result = item412(r);
                failedExpectations.push(...result.failedExpectations);
                if (result.success === false) {
                    break;
                }
                r = result.remainder;
            }
            const result = item402(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        if (values.length < 1) {
            return { success: false, remainder: text, failedExpectations };
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // Selector "selector"
    // = selector:$([_a-zA-Z][_a-zA-Z0-9]*)
    // {
    // if (["true", "false", "null", "in"].includes(selector)) {
    // error("reserved keyword");
    // }
    //
    // return selector;
    // }
    //
    function item402(text) {
        const result = item403(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item411,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // selector:$([_a-zA-Z][_a-zA-Z0-9]*)
    // {
    // if (["true", "false", "null", "in"].includes(selector)) {
    // error("reserved keyword");
    // }
    //
    // return selector;
    // }
    function item403(text) {
        const result = item405(text);
        if (result.success === true) {
            return {
                success: true,
                value: item410((message, location = runtime.getLocation(parse$source, input, text, result.remainder), name) => {
                    throw new ParseError(message, location, name);
                }, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // $([_a-zA-Z][_a-zA-Z0-9]*)
    function item405(text) {
        const matches = text.match(/^[_a-zA-Z]([_a-zA-Z0-9])*/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item377,
                    remainder: text,
                },
            ],
        };
    }
    // S "." S
    function item412(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item36(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = item413(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = item36(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result0.value, result1.value, result0.value],
            remainder,
            failedExpectations,
        };
    }
    // "."
    function item413(text) {
        if (text.startsWith(".")) {
            return {
                success: true,
                value: ".",
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item86,
                    remainder: text,
                },
            ],
        };
    }
    // (
    // S key:Selector $(S ":") value:Expr
    // { return builder.newStructEntry(offset(), key, value) }
    // )|0.., ","|
    function item419(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            if (values.length > 0) {
                const result = item431(r);
                failedExpectations.push(...result.failedExpectations);
                if (result.success === false) {
                    break;
                }
                r = result.remainder;
            }
            const result = item420(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // S key:Selector $(S ":") value:Expr
    // { return builder.newStructEntry(offset(), key, value) }
    function item420(text) {
        const result = item421(text);
        if (result.success === true) {
            return {
                success: true,
                value: item430(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // S key:Selector $(S ":") value:Expr
    function item421(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item402(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?:/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        }, {
            expectation: item426,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        const result3 = item7(remainder);
        failedExpectations.push(...result3.failedExpectations);
        if (result3.success === false) {
            return {
                success: false,
                remainder: result3.remainder,
                failedExpectations,
            };
        }
        remainder = result3.remainder;
        return {
            success: true,
            value: [result1.value, result3.value],
            remainder,
            failedExpectations,
        };
    }
    // ","
    function item431(text) {
        if (text.startsWith(",")) {
            return {
                success: true,
                value: ",",
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item389,
                    remainder: text,
                },
            ],
        };
    }
    // "."? S name:Selector
    // { return builder.newIdentExpr(offset(), name) }
    function item438(text) {
        const result = item439(text);
        if (result.success === true) {
            return {
                success: true,
                value: item444(() => input.length - text.length, result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "."? S name:Selector
    function item439(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(\.)?/g);
        failedExpectations.push({
            expectation: item86,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        const result2 = item402(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result2.value],
            remainder,
            failedExpectations,
        };
    }
    // "(" @Expr ")"
    function item445(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\(/g);
        failedExpectations.push({
            expectation: item384,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item7(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^\)/g);
        failedExpectations.push({
            expectation: item391,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // elements:("[" @ExprList (",")? S "]")
    // { return builder.newListExpr(offset(), elements) }
    function item450(text) {
        const result = item452(text);
        if (result.success === true) {
            return {
                success: true,
                value: item461(() => input.length - text.length, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "[" @ExprList (",")? S "]"
    function item452(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\[/g);
        failedExpectations.push({
            expectation: item454,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item387(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^(,)?/g);
        failedExpectations.push({
            expectation: item389,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        const result3 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result3?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result3[0].length);
        const result4 = remainder.match(/^\]/g);
        failedExpectations.push({
            expectation: item459,
            remainder: remainder,
        });
        if (result4?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result4[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // entries:("{" @MapInits $((",")? S "}"))
    // { return builder.newStructExpr(offset(), entries) }
    function item462(text) {
        const result = item464(text);
        if (result.success === true) {
            return {
                success: true,
                value: item484(() => input.length - text.length, result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "{" @MapInits $((",")? S "}")
    function item464(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\{/g);
        failedExpectations.push({
            expectation: item416,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item468(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^(,)?(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?\}/g);
        failedExpectations.push({
            expectation: item389,
            remainder: remainder,
        }, {
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        }, {
            expectation: item435,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // (
    // key:Expr ":" value:Expr
    // { return builder.newMapEntry(offset(), key, value) }
    // )|0.., ","|
    function item468(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            if (values.length > 0) {
                const result = item476(r);
                failedExpectations.push(...result.failedExpectations);
                if (result.success === false) {
                    break;
                }
                r = result.remainder;
            }
            const result = item469(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // key:Expr ":" value:Expr
    // { return builder.newMapEntry(offset(), key, value) }
    function item469(text) {
        const result = item470(text);
        if (result.success === true) {
            return {
                success: true,
                value: item475(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // key:Expr ":" value:Expr
    function item470(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = item7(remainder);
        failedExpectations.push(...result0.failedExpectations);
        if (result0.success === false) {
            return {
                success: false,
                remainder: result0.remainder,
                failedExpectations,
            };
        }
        remainder = result0.remainder;
        const result1 = remainder.match(/^:/g);
        failedExpectations.push({
            expectation: item426,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        const result2 = item7(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result0.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // ","
    function item476(text) {
        if (text.startsWith(",")) {
            return {
                success: true,
                value: ",",
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item389,
                    remainder: text,
                },
            ],
        };
    }
    // (S @Access)*
    function item487(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item488(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // S @Access
    function item488(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item491(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        return {
            success: true,
            value: result1.value,
            remainder,
            failedExpectations,
        };
    }
    // "." S field:Selector S ![(]
    // { return ((prevExpr: Expr) => builder.newSelectExpr(offset(), prevExpr, field)) }
    // / "." S func:Selector S "(" args:ExprList ")"
    // { return ((prevExpr: Expr) => builder.newMemberCallExpr(offset(), prevExpr, func, args)) }
    // / "[" index:Expr "]"
    // { return ((prevExpr: Expr) => builder.newCallExpr(offset(), "_[_]", [prevExpr, index])) }
    function item491(text) {
        const choices = [item492, item501, item510];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // "." S field:Selector S ![(]
    // { return ((prevExpr: Expr) => builder.newSelectExpr(offset(), prevExpr, field)) }
    function item492(text) {
        const result = item493(text);
        if (result.success === true) {
            return {
                success: true,
                value: item500(() => input.length - text.length, result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "." S field:Selector S ![(]
    function item493(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\./g);
        failedExpectations.push({
            expectation: item86,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        const result2 = item402(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        const result3 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result3?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result3[0].length);
        const result4 = remainder.match(/^(?![(])/g);
        failedExpectations.push();
        if (result4?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result4[0].length);
        return {
            success: true,
            value: [result2.value],
            remainder,
            failedExpectations,
        };
    }
    // "." S func:Selector S "(" args:ExprList ")"
    // { return ((prevExpr: Expr) => builder.newMemberCallExpr(offset(), prevExpr, func, args)) }
    function item501(text) {
        const result = item502(text);
        if (result.success === true) {
            return {
                success: true,
                value: item509(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "." S func:Selector S "(" args:ExprList ")"
    function item502(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\./g);
        failedExpectations.push({
            expectation: item86,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result1?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result1[0].length);
        const result2 = item402(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        const result3 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result3?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result3[0].length);
        const result4 = remainder.match(/^\(/g);
        failedExpectations.push({
            expectation: item384,
            remainder: remainder,
        });
        if (result4?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result4[0].length);
        const result5 = item387(remainder);
        failedExpectations.push(...result5.failedExpectations);
        if (result5.success === false) {
            return {
                success: false,
                remainder: result5.remainder,
                failedExpectations,
            };
        }
        remainder = result5.remainder;
        const result6 = remainder.match(/^\)/g);
        failedExpectations.push({
            expectation: item391,
            remainder: remainder,
        });
        if (result6?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result6[0].length);
        return {
            success: true,
            value: [result2.value, result5.value],
            remainder,
            failedExpectations,
        };
    }
    // "[" index:Expr "]"
    // { return ((prevExpr: Expr) => builder.newCallExpr(offset(), "_[_]", [prevExpr, index])) }
    function item510(text) {
        const result = item511(text);
        if (result.success === true) {
            return {
                success: true,
                value: item516(() => input.length - text.length, result.value[0]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "[" index:Expr "]"
    function item511(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\[/g);
        failedExpectations.push({
            expectation: item454,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item7(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^\]/g);
        failedExpectations.push({
            expectation: item459,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        return {
            success: true,
            value: [result1.value],
            remainder,
            failedExpectations,
        };
    }
    // S ops:$( "!"+ / "-"+ ) expr:Member
    // {
    // /* : Expr */
    // if (ops.length % 2 === 0) {
    // return expr;
    // }
    //
    // if (expr.exprKind.case === "callExpr" && expr.exprKind.value.function === `${ops[0]}_`) {
    // return expr.exprKind.value.args[0];
    // }
    //
    // return builder.newCallExpr(offset(), `${ops[0]}_`, [expr]);
    // }
    function item520(text) {
        const result = item521(text);
        if (result.success === true) {
            return {
                success: true,
                value: item532(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // S ops:$( "!"+ / "-"+ ) expr:Member
    function item521(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item523(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = item33(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result1.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // $( "!"+ / "-"+ )
    function item523(text) {
        const matches = text.match(/^((!)+|(-)+)/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item527,
                    remainder: text,
                },
                {
                    expectation: item78,
                    remainder: text,
                },
            ],
        };
    }
    // MultiplicationTail?
    function item534(text) {
        const result = item536(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: true,
            value: null,
            remainder: text,
            failedExpectations: result.failedExpectations,
        };
    }
    // (
    // S operator:( o:[*/%] { return `_${o}_` } ) nextExpr:Unary
    // { return ((prevExpr: Expr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr])) }
    // )+
    function item536(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item537(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        if (values.length < 1) {
            return { success: false, remainder: text, failedExpectations };
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // S operator:( o:[*/%] { return `_${o}_` } ) nextExpr:Unary
    // { return ((prevExpr: Expr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr])) }
    function item537(text) {
        const result = item538(text);
        if (result.success === true) {
            return {
                success: true,
                value: item547(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // S operator:( o:[*/%] { return `_${o}_` } ) nextExpr:Unary
    function item538(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item540(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = item31(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result1.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // o:[*/%] { return `_${o}_` }
    function item540(text) {
        const result = item542(text);
        if (result.success === true) {
            return {
                success: true,
                value: item544(result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // [*/%]
    function item542(text) {
        if (/^[*\/%]/g.test(text)) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item543,
                    remainder: text,
                },
            ],
        };
    }
    // AdditionTail?
    function item551(text) {
        const result = item553(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: true,
            value: null,
            remainder: text,
            failedExpectations: result.failedExpectations,
        };
    }
    // (
    // S operator:( o:[+-] { return `_${o}_` } ) nextExpr:Multiplication
    // { return ((prevExpr: Expr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr])) }
    // )+
    function item553(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item554(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        if (values.length < 1) {
            return { success: false, remainder: text, failedExpectations };
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // S operator:( o:[+-] { return `_${o}_` } ) nextExpr:Multiplication
    // { return ((prevExpr: Expr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr])) }
    function item554(text) {
        const result = item555(text);
        if (result.success === true) {
            return {
                success: true,
                value: item562(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // S operator:( o:[+-] { return `_${o}_` } ) nextExpr:Multiplication
    function item555(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item557(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = item27(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result1.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // o:[+-] { return `_${o}_` }
    function item557(text) {
        const result = item559(text);
        if (result.success === true) {
            return {
                success: true,
                value: item560(result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // [+-]
    function item559(text) {
        if (/^[+\-]/g.test(text)) {
            return {
                success: true,
                value: text.slice(0, 1),
                remainder: text.slice(1),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item96,
                    remainder: text,
                },
            ],
        };
    }
    // RelationTail?
    function item566(text) {
        const result = item568(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: true,
            value: null,
            remainder: text,
            failedExpectations: result.failedExpectations,
        };
    }
    // (
    // S operator:Relop nextExpr:Addition
    // { return ((prevExpr: Expr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr])) }
    // )+
    function item568(text) {
        const values = [];
        const failedExpectations = [];
        let remainder = text;
        while (true) {
            let r = remainder;
            const result = item569(r);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === false) {
                break;
            }
            remainder = result.remainder;
            values.push(result.value);
        }
        if (values.length < 1) {
            return { success: false, remainder: text, failedExpectations };
        }
        return { success: true, value: values, remainder, failedExpectations };
    }
    // S operator:Relop nextExpr:Addition
    // { return ((prevExpr: Expr) => builder.newCallExpr(offset(), operator, [prevExpr, nextExpr])) }
    function item569(text) {
        const result = item570(text);
        if (result.success === true) {
            return {
                success: true,
                value: item598(() => input.length - text.length, result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // S operator:Relop nextExpr:Addition
    function item570(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item573(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = item23(remainder);
        failedExpectations.push(...result2.failedExpectations);
        if (result2.success === false) {
            return {
                success: false,
                remainder: result2.remainder,
                failedExpectations,
            };
        }
        remainder = result2.remainder;
        return {
            success: true,
            value: [result1.value, result2.value],
            remainder,
            failedExpectations,
        };
    }
    // Relop "relational operator"
    // = (
    // operator:$("<=" / "<" / ">=" / ">" / "==" / "!=")
    // { return `_${operator}_` }
    // )
    // / "in" { return "@in" }
    //
    function item573(text) {
        const result = item574(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: false,
            remainder: result.remainder,
            failedExpectations: [
                {
                    expectation: item596,
                    remainder: result.remainder,
                },
            ],
        };
    }
    // (
    // operator:$("<=" / "<" / ">=" / ">" / "==" / "!=")
    // { return `_${operator}_` }
    // )
    // / "in" { return "@in" }
    function item574(text) {
        const choices = [item575, item592];
        let failedExpectations = [];
        for (let func = choices.shift(); func !== undefined; func = choices.shift()) {
            const result = func(text);
            failedExpectations.push(...result.failedExpectations);
            if (result.success === true) {
                return {
                    success: true,
                    value: result.value,
                    remainder: result.remainder,
                    failedExpectations,
                };
            }
        }
        return {
            success: false,
            remainder: text,
            failedExpectations,
        };
    }
    // operator:$("<=" / "<" / ">=" / ">" / "==" / "!=")
    // { return `_${operator}_` }
    function item575(text) {
        const result = item577(text);
        if (result.success === true) {
            return {
                success: true,
                value: item591(result.value),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // $("<=" / "<" / ">=" / ">" / "==" / "!=")
    function item577(text) {
        const matches = text.match(/^(<=|<|>=|>|==|!=)/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item580,
                    remainder: text,
                },
                {
                    expectation: item582,
                    remainder: text,
                },
                {
                    expectation: item584,
                    remainder: text,
                },
                {
                    expectation: item586,
                    remainder: text,
                },
                {
                    expectation: item588,
                    remainder: text,
                },
                {
                    expectation: item590,
                    remainder: text,
                },
            ],
        };
    }
    // "in" { return "@in" }
    function item592(text) {
        const result = item593(text);
        if (result.success === true) {
            return {
                success: true,
                value: item595(),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "in"
    function item593(text) {
        if (text.startsWith("in")) {
            return {
                success: true,
                value: "in",
                remainder: text.slice(2),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item594,
                    remainder: text,
                },
            ],
        };
    }
    // $(S "&&")
    function item601(text) {
        const matches = text.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?&&/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item44,
                    remainder: text,
                },
                {
                    expectation: item61,
                    remainder: text,
                },
                {
                    expectation: item604,
                    remainder: text,
                },
            ],
        };
    }
    // $(S "||")
    function item607(text) {
        const matches = text.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?\|\|/g);
        if (matches?.length === 1) {
            return {
                success: true,
                value: matches[0],
                remainder: text.slice(matches[0].length),
                failedExpectations: [],
            };
        }
        return {
            success: false,
            remainder: text,
            failedExpectations: [
                {
                    expectation: item44,
                    remainder: text,
                },
                {
                    expectation: item61,
                    remainder: text,
                },
                {
                    expectation: item610,
                    remainder: text,
                },
            ],
        };
    }
    // TernaryTail?
    function item614(text) {
        const result = item616(text);
        if (result.success === true) {
            return result;
        }
        return {
            success: true,
            value: null,
            remainder: text,
            failedExpectations: result.failedExpectations,
        };
    }
    // "?" t:ConditionalOr S ":" f:Expr S
    // {
    // /* : [Expr, Expr] */
    // return [t, f];
    // }
    function item616(text) {
        const result = item617(text);
        if (result.success === true) {
            return {
                success: true,
                value: item624(result.value[0], result.value[1]),
                remainder: result.remainder,
                failedExpectations: [],
            };
        }
        return result;
    }
    // "?" t:ConditionalOr S ":" f:Expr S
    function item617(text) {
        const failedExpectations = [];
        let remainder = text;
        const result0 = remainder.match(/^\?/g);
        failedExpectations.push({
            expectation: item619,
            remainder: remainder,
        });
        if (result0?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result0[0].length);
        const result1 = item11(remainder);
        failedExpectations.push(...result1.failedExpectations);
        if (result1.success === false) {
            return {
                success: false,
                remainder: result1.remainder,
                failedExpectations,
            };
        }
        remainder = result1.remainder;
        const result2 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result2?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result2[0].length);
        const result3 = remainder.match(/^:/g);
        failedExpectations.push({
            expectation: item426,
            remainder: remainder,
        });
        if (result3?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result3[0].length);
        const result4 = item7(remainder);
        failedExpectations.push(...result4.failedExpectations);
        if (result4.success === false) {
            return {
                success: false,
                remainder: result4.remainder,
                failedExpectations,
            };
        }
        remainder = result4.remainder;
        const result5 = remainder.match(/^(([\t\n\f\r ])+)?(\/\/([^\r\n])*([\r\n])+)?(([\t\n\f\r ])+)?/g);
        failedExpectations.push({
            expectation: item44,
            remainder: remainder,
        }, {
            expectation: item61,
            remainder: remainder,
        });
        if (result5?.length !== 1) {
            return {
                success: false,
                remainder,
                failedExpectations,
            };
        }
        remainder = remainder.slice(result5[0].length);
        return {
            success: true,
            value: [result1.value, result4.value],
            remainder,
            failedExpectations,
        };
    }
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/parse.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

/**
 * Parses a CEL expression string into an abstract syntax tree (AST) or
 * throws an Error if parsing fails.
 *
 * This is the first stage of CEL evaluation. The resulting ParsedExpr
 * can be passed to plan() for execution planning.
 */
function parse_parse(expr) {
    const result = parse(expr);
    return {
        $typeName: "cel.expr.ParsedExpr",
        expr: result.expr,
        sourceInfo: result.sourceInfo,
    };
}

// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/codegenv2/file.js + 3 modules
var file = __webpack_require__(5042);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/codegenv2/message.js
var codegenv2_message = __webpack_require__(104);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel-spec/dist/esm/gen/cel/expr/syntax_pb.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.


/**
 * Describes the file cel/expr/syntax.proto.
 */
const file_cel_expr_syntax = /*@__PURE__*/ (0,file/* fileDesc */.w)("ChVjZWwvZXhwci9zeW50YXgucHJvdG8SCGNlbC5leHByIlUKClBhcnNlZEV4cHISHAoEZXhwchgCIAEoCzIOLmNlbC5leHByLkV4cHISKQoLc291cmNlX2luZm8YAyABKAsyFC5jZWwuZXhwci5Tb3VyY2VJbmZvItoICgRFeHByEgoKAmlkGAIgASgDEigKCmNvbnN0X2V4cHIYAyABKAsyEi5jZWwuZXhwci5Db25zdGFudEgAEioKCmlkZW50X2V4cHIYBCABKAsyFC5jZWwuZXhwci5FeHByLklkZW50SAASLAoLc2VsZWN0X2V4cHIYBSABKAsyFS5jZWwuZXhwci5FeHByLlNlbGVjdEgAEigKCWNhbGxfZXhwchgGIAEoCzITLmNlbC5leHByLkV4cHIuQ2FsbEgAEi4KCWxpc3RfZXhwchgHIAEoCzIZLmNlbC5leHByLkV4cHIuQ3JlYXRlTGlzdEgAEjIKC3N0cnVjdF9leHByGAggASgLMhsuY2VsLmV4cHIuRXhwci5DcmVhdGVTdHJ1Y3RIABI6ChJjb21wcmVoZW5zaW9uX2V4cHIYCSABKAsyHC5jZWwuZXhwci5FeHByLkNvbXByZWhlbnNpb25IABoVCgVJZGVudBIMCgRuYW1lGAEgASgJGksKBlNlbGVjdBIfCgdvcGVyYW5kGAEgASgLMg4uY2VsLmV4cHIuRXhwchINCgVmaWVsZBgCIAEoCRIRCgl0ZXN0X29ubHkYAyABKAgaVgoEQ2FsbBIeCgZ0YXJnZXQYASABKAsyDi5jZWwuZXhwci5FeHByEhAKCGZ1bmN0aW9uGAIgASgJEhwKBGFyZ3MYAyADKAsyDi5jZWwuZXhwci5FeHByGkgKCkNyZWF0ZUxpc3QSIAoIZWxlbWVudHMYASADKAsyDi5jZWwuZXhwci5FeHByEhgKEG9wdGlvbmFsX2luZGljZXMYAiADKAUa6QEKDENyZWF0ZVN0cnVjdBIUCgxtZXNzYWdlX25hbWUYASABKAkSMgoHZW50cmllcxgCIAMoCzIhLmNlbC5leHByLkV4cHIuQ3JlYXRlU3RydWN0LkVudHJ5Go4BCgVFbnRyeRIKCgJpZBgBIAEoAxITCglmaWVsZF9rZXkYAiABKAlIABIhCgdtYXBfa2V5GAMgASgLMg4uY2VsLmV4cHIuRXhwckgAEh0KBXZhbHVlGAQgASgLMg4uY2VsLmV4cHIuRXhwchIWCg5vcHRpb25hbF9lbnRyeRgFIAEoCEIKCghrZXlfa2luZBr4AQoNQ29tcHJlaGVuc2lvbhIQCghpdGVyX3ZhchgBIAEoCRIRCglpdGVyX3ZhcjIYCCABKAkSIgoKaXRlcl9yYW5nZRgCIAEoCzIOLmNlbC5leHByLkV4cHISEAoIYWNjdV92YXIYAyABKAkSIQoJYWNjdV9pbml0GAQgASgLMg4uY2VsLmV4cHIuRXhwchImCg5sb29wX2NvbmRpdGlvbhgFIAEoCzIOLmNlbC5leHByLkV4cHISIQoJbG9vcF9zdGVwGAYgASgLMg4uY2VsLmV4cHIuRXhwchIeCgZyZXN1bHQYByABKAsyDi5jZWwuZXhwci5FeHByQgsKCWV4cHJfa2luZCLNAgoIQ29uc3RhbnQSMAoKbnVsbF92YWx1ZRgBIAEoDjIaLmdvb2dsZS5wcm90b2J1Zi5OdWxsVmFsdWVIABIUCgpib29sX3ZhbHVlGAIgASgISAASFQoLaW50NjRfdmFsdWUYAyABKANIABIWCgx1aW50NjRfdmFsdWUYBCABKARIABIWCgxkb3VibGVfdmFsdWUYBSABKAFIABIWCgxzdHJpbmdfdmFsdWUYBiABKAlIABIVCgtieXRlc192YWx1ZRgHIAEoDEgAEjcKDmR1cmF0aW9uX3ZhbHVlGAggASgLMhkuZ29vZ2xlLnByb3RvYnVmLkR1cmF0aW9uQgIYAUgAEjkKD3RpbWVzdGFtcF92YWx1ZRgJIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXBCAhgBSABCDwoNY29uc3RhbnRfa2luZCKcBQoKU291cmNlSW5mbxIWCg5zeW50YXhfdmVyc2lvbhgBIAEoCRIQCghsb2NhdGlvbhgCIAEoCRIUCgxsaW5lX29mZnNldHMYAyADKAUSNgoJcG9zaXRpb25zGAQgAygLMiMuY2VsLmV4cHIuU291cmNlSW5mby5Qb3NpdGlvbnNFbnRyeRI5CgttYWNyb19jYWxscxgFIAMoCzIkLmNlbC5leHByLlNvdXJjZUluZm8uTWFjcm9DYWxsc0VudHJ5EjIKCmV4dGVuc2lvbnMYBiADKAsyHi5jZWwuZXhwci5Tb3VyY2VJbmZvLkV4dGVuc2lvbhowCg5Qb3NpdGlvbnNFbnRyeRILCgNrZXkYASABKAMSDQoFdmFsdWUYAiABKAU6AjgBGkEKD01hY3JvQ2FsbHNFbnRyeRILCgNrZXkYASABKAMSHQoFdmFsdWUYAiABKAsyDi5jZWwuZXhwci5FeHByOgI4ARqxAgoJRXh0ZW5zaW9uEgoKAmlkGAEgASgJEkUKE2FmZmVjdGVkX2NvbXBvbmVudHMYAiADKA4yKC5jZWwuZXhwci5Tb3VyY2VJbmZvLkV4dGVuc2lvbi5Db21wb25lbnQSNwoHdmVyc2lvbhgDIAEoCzImLmNlbC5leHByLlNvdXJjZUluZm8uRXh0ZW5zaW9uLlZlcnNpb24aJwoHVmVyc2lvbhINCgVtYWpvchgBIAEoAxINCgVtaW5vchgCIAEoAyJvCglDb21wb25lbnQSGQoVQ09NUE9ORU5UX1VOU1BFQ0lGSUVEEAASFAoQQ09NUE9ORU5UX1BBUlNFUhABEhoKFkNPTVBPTkVOVF9UWVBFX0NIRUNLRVIQAhIVChFDT01QT05FTlRfUlVOVElNRRADQi4KDGRldi5jZWwuZXhwckILU3ludGF4UHJvdG9QAVoMY2VsLmRldi9leHBy+AEBYgZwcm90bzM", [duration_pb/* file_google_protobuf_duration */.U, struct_pb/* file_google_protobuf_struct */.dA, timestamp_pb/* file_google_protobuf_timestamp */.i]);
/**
 * Describes the message cel.expr.ParsedExpr.
 * Use `create(ParsedExprSchema)` to create a new message.
 */
const ParsedExprSchema = /*@__PURE__*/ (0,codegenv2_message/* messageDesc */.Z)(file_cel_expr_syntax, 0);
/**
 * Describes the message cel.expr.Expr.
 * Use `create(ExprSchema)` to create a new message.
 */
const ExprSchema = /*@__PURE__*/ (0,codegenv2_message/* messageDesc */.Z)(file_cel_expr_syntax, 1);
/**
 * Describes the message cel.expr.Expr.Ident.
 * Use `create(Expr_IdentSchema)` to create a new message.
 */
const Expr_IdentSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 1, 0)));
/**
 * Describes the message cel.expr.Expr.Select.
 * Use `create(Expr_SelectSchema)` to create a new message.
 */
const Expr_SelectSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 1, 1)));
/**
 * Describes the message cel.expr.Expr.Call.
 * Use `create(Expr_CallSchema)` to create a new message.
 */
const Expr_CallSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 1, 2)));
/**
 * Describes the message cel.expr.Expr.CreateList.
 * Use `create(Expr_CreateListSchema)` to create a new message.
 */
const Expr_CreateListSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 1, 3)));
/**
 * Describes the message cel.expr.Expr.CreateStruct.
 * Use `create(Expr_CreateStructSchema)` to create a new message.
 */
const Expr_CreateStructSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 1, 4)));
/**
 * Describes the message cel.expr.Expr.CreateStruct.Entry.
 * Use `create(Expr_CreateStruct_EntrySchema)` to create a new message.
 */
const Expr_CreateStruct_EntrySchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 1, 4, 0)));
/**
 * Describes the message cel.expr.Expr.Comprehension.
 * Use `create(Expr_ComprehensionSchema)` to create a new message.
 */
const Expr_ComprehensionSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 1, 5)));
/**
 * Describes the message cel.expr.Constant.
 * Use `create(ConstantSchema)` to create a new message.
 */
const ConstantSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 2)));
/**
 * Describes the message cel.expr.SourceInfo.
 * Use `create(SourceInfoSchema)` to create a new message.
 */
const SourceInfoSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 3)));
/**
 * Describes the message cel.expr.SourceInfo.Extension.
 * Use `create(SourceInfo_ExtensionSchema)` to create a new message.
 */
const SourceInfo_ExtensionSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 3, 0)));
/**
 * Describes the message cel.expr.SourceInfo.Extension.Version.
 * Use `create(SourceInfo_Extension_VersionSchema)` to create a new message.
 */
const SourceInfo_Extension_VersionSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_syntax, 3, 0, 0)));
/**
 * CEL component specifier.
 *
 * @generated from enum cel.expr.SourceInfo.Extension.Component
 */
var SourceInfo_Extension_Component;
(function (SourceInfo_Extension_Component) {
    /**
     * Unspecified, default.
     *
     * @generated from enum value: COMPONENT_UNSPECIFIED = 0;
     */
    SourceInfo_Extension_Component[SourceInfo_Extension_Component["UNSPECIFIED"] = 0] = "UNSPECIFIED";
    /**
     * Parser. Converts a CEL string to an AST.
     *
     * @generated from enum value: COMPONENT_PARSER = 1;
     */
    SourceInfo_Extension_Component[SourceInfo_Extension_Component["PARSER"] = 1] = "PARSER";
    /**
     * Type checker. Checks that references in an AST are defined and types
     * agree.
     *
     * @generated from enum value: COMPONENT_TYPE_CHECKER = 2;
     */
    SourceInfo_Extension_Component[SourceInfo_Extension_Component["TYPE_CHECKER"] = 2] = "TYPE_CHECKER";
    /**
     * Runtime. Evaluates a parsed and optionally checked CEL AST against a
     * context.
     *
     * @generated from enum value: COMPONENT_RUNTIME = 3;
     */
    SourceInfo_Extension_Component[SourceInfo_Extension_Component["RUNTIME"] = 3] = "RUNTIME";
})(SourceInfo_Extension_Component || (SourceInfo_Extension_Component = {}));
/**
 * Describes the enum cel.expr.SourceInfo.Extension.Component.
 */
const SourceInfo_Extension_ComponentSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (enumDesc(file_cel_expr_syntax, 3, 0, 0)));

;// CONCATENATED MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/empty_pb.js
// Copyright 2021-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.


/**
 * Describes the file google/protobuf/empty.proto.
 */
const file_google_protobuf_empty = /*@__PURE__*/ (0,file/* fileDesc */.w)("Chtnb29nbGUvcHJvdG9idWYvZW1wdHkucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIHCgVFbXB0eUJ9ChNjb20uZ29vZ2xlLnByb3RvYnVmQgpFbXB0eVByb3RvUAFaLmdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2VtcHR5cGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw");
/**
 * Describes the message google.protobuf.Empty.
 * Use `create(EmptySchema)` to create a new message.
 */
const EmptySchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_google_protobuf_empty, 0)));

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel-spec/dist/esm/gen/cel/expr/checked_pb.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.



/**
 * Describes the file cel/expr/checked.proto.
 */
const file_cel_expr_checked = /*@__PURE__*/ (0,file/* fileDesc */.w)("ChZjZWwvZXhwci9jaGVja2VkLnByb3RvEghjZWwuZXhwciLsAgoLQ2hlY2tlZEV4cHISPgoNcmVmZXJlbmNlX21hcBgCIAMoCzInLmNlbC5leHByLkNoZWNrZWRFeHByLlJlZmVyZW5jZU1hcEVudHJ5EjQKCHR5cGVfbWFwGAMgAygLMiIuY2VsLmV4cHIuQ2hlY2tlZEV4cHIuVHlwZU1hcEVudHJ5EikKC3NvdXJjZV9pbmZvGAUgASgLMhQuY2VsLmV4cHIuU291cmNlSW5mbxIUCgxleHByX3ZlcnNpb24YBiABKAkSHAoEZXhwchgEIAEoCzIOLmNlbC5leHByLkV4cHIaSAoRUmVmZXJlbmNlTWFwRW50cnkSCwoDa2V5GAEgASgDEiIKBXZhbHVlGAIgASgLMhMuY2VsLmV4cHIuUmVmZXJlbmNlOgI4ARo+CgxUeXBlTWFwRW50cnkSCwoDa2V5GAEgASgDEh0KBXZhbHVlGAIgASgLMg4uY2VsLmV4cHIuVHlwZToCOAEioggKBFR5cGUSJQoDZHluGAEgASgLMhYuZ29vZ2xlLnByb3RvYnVmLkVtcHR5SAASKgoEbnVsbBgCIAEoDjIaLmdvb2dsZS5wcm90b2J1Zi5OdWxsVmFsdWVIABIxCglwcmltaXRpdmUYAyABKA4yHC5jZWwuZXhwci5UeXBlLlByaW1pdGl2ZVR5cGVIABIvCgd3cmFwcGVyGAQgASgOMhwuY2VsLmV4cHIuVHlwZS5QcmltaXRpdmVUeXBlSAASMgoKd2VsbF9rbm93bhgFIAEoDjIcLmNlbC5leHByLlR5cGUuV2VsbEtub3duVHlwZUgAEiwKCWxpc3RfdHlwZRgGIAEoCzIXLmNlbC5leHByLlR5cGUuTGlzdFR5cGVIABIqCghtYXBfdHlwZRgHIAEoCzIWLmNlbC5leHByLlR5cGUuTWFwVHlwZUgAEi8KCGZ1bmN0aW9uGAggASgLMhsuY2VsLmV4cHIuVHlwZS5GdW5jdGlvblR5cGVIABIWCgxtZXNzYWdlX3R5cGUYCSABKAlIABIUCgp0eXBlX3BhcmFtGAogASgJSAASHgoEdHlwZRgLIAEoCzIOLmNlbC5leHByLlR5cGVIABInCgVlcnJvchgMIAEoCzIWLmdvb2dsZS5wcm90b2J1Zi5FbXB0eUgAEjQKDWFic3RyYWN0X3R5cGUYDiABKAsyGy5jZWwuZXhwci5UeXBlLkFic3RyYWN0VHlwZUgAGi0KCExpc3RUeXBlEiEKCWVsZW1fdHlwZRgBIAEoCzIOLmNlbC5leHByLlR5cGUaTwoHTWFwVHlwZRIgCghrZXlfdHlwZRgBIAEoCzIOLmNlbC5leHByLlR5cGUSIgoKdmFsdWVfdHlwZRgCIAEoCzIOLmNlbC5leHByLlR5cGUaVgoMRnVuY3Rpb25UeXBlEiMKC3Jlc3VsdF90eXBlGAEgASgLMg4uY2VsLmV4cHIuVHlwZRIhCglhcmdfdHlwZXMYAiADKAsyDi5jZWwuZXhwci5UeXBlGkUKDEFic3RyYWN0VHlwZRIMCgRuYW1lGAEgASgJEicKD3BhcmFtZXRlcl90eXBlcxgCIAMoCzIOLmNlbC5leHByLlR5cGUicwoNUHJpbWl0aXZlVHlwZRIeChpQUklNSVRJVkVfVFlQRV9VTlNQRUNJRklFRBAAEggKBEJPT0wQARIJCgVJTlQ2NBACEgoKBlVJTlQ2NBADEgoKBkRPVUJMRRAEEgoKBlNUUklORxAFEgkKBUJZVEVTEAYiVgoNV2VsbEtub3duVHlwZRIfChtXRUxMX0tOT1dOX1RZUEVfVU5TUEVDSUZJRUQQABIHCgNBTlkQARINCglUSU1FU1RBTVAQAhIMCghEVVJBVElPThADQgsKCXR5cGVfa2luZCLWAwoERGVjbBIMCgRuYW1lGAEgASgJEikKBWlkZW50GAIgASgLMhguY2VsLmV4cHIuRGVjbC5JZGVudERlY2xIABIvCghmdW5jdGlvbhgDIAEoCzIbLmNlbC5leHByLkRlY2wuRnVuY3Rpb25EZWNsSAAaWQoJSWRlbnREZWNsEhwKBHR5cGUYASABKAsyDi5jZWwuZXhwci5UeXBlEiEKBXZhbHVlGAIgASgLMhIuY2VsLmV4cHIuQ29uc3RhbnQSCwoDZG9jGAMgASgJGvsBCgxGdW5jdGlvbkRlY2wSNwoJb3ZlcmxvYWRzGAEgAygLMiQuY2VsLmV4cHIuRGVjbC5GdW5jdGlvbkRlY2wuT3ZlcmxvYWQSCwoDZG9jGAIgASgJGqQBCghPdmVybG9hZBITCgtvdmVybG9hZF9pZBgBIAEoCRIeCgZwYXJhbXMYAiADKAsyDi5jZWwuZXhwci5UeXBlEhMKC3R5cGVfcGFyYW1zGAMgAygJEiMKC3Jlc3VsdF90eXBlGAQgASgLMg4uY2VsLmV4cHIuVHlwZRIcChRpc19pbnN0YW5jZV9mdW5jdGlvbhgFIAEoCBILCgNkb2MYBiABKAlCCwoJZGVjbF9raW5kIlEKCVJlZmVyZW5jZRIMCgRuYW1lGAEgASgJEhMKC292ZXJsb2FkX2lkGAMgAygJEiEKBXZhbHVlGAQgASgLMhIuY2VsLmV4cHIuQ29uc3RhbnRCLAoMZGV2LmNlbC5leHByQglEZWNsUHJvdG9QAVoMY2VsLmRldi9leHBy+AEBYgZwcm90bzM", [file_cel_expr_syntax, file_google_protobuf_empty, struct_pb/* file_google_protobuf_struct */.dA]);
/**
 * Describes the message cel.expr.CheckedExpr.
 * Use `create(CheckedExprSchema)` to create a new message.
 */
const CheckedExprSchema = /*@__PURE__*/ (0,codegenv2_message/* messageDesc */.Z)(file_cel_expr_checked, 0);
/**
 * Describes the message cel.expr.Type.
 * Use `create(TypeSchema)` to create a new message.
 */
const TypeSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 1)));
/**
 * Describes the message cel.expr.Type.ListType.
 * Use `create(Type_ListTypeSchema)` to create a new message.
 */
const Type_ListTypeSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 1, 0)));
/**
 * Describes the message cel.expr.Type.MapType.
 * Use `create(Type_MapTypeSchema)` to create a new message.
 */
const Type_MapTypeSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 1, 1)));
/**
 * Describes the message cel.expr.Type.FunctionType.
 * Use `create(Type_FunctionTypeSchema)` to create a new message.
 */
const Type_FunctionTypeSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 1, 2)));
/**
 * Describes the message cel.expr.Type.AbstractType.
 * Use `create(Type_AbstractTypeSchema)` to create a new message.
 */
const Type_AbstractTypeSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 1, 3)));
/**
 * CEL primitive types.
 *
 * @generated from enum cel.expr.Type.PrimitiveType
 */
var Type_PrimitiveType;
(function (Type_PrimitiveType) {
    /**
     * Unspecified type.
     *
     * @generated from enum value: PRIMITIVE_TYPE_UNSPECIFIED = 0;
     */
    Type_PrimitiveType[Type_PrimitiveType["PRIMITIVE_TYPE_UNSPECIFIED"] = 0] = "PRIMITIVE_TYPE_UNSPECIFIED";
    /**
     * Boolean type.
     *
     * @generated from enum value: BOOL = 1;
     */
    Type_PrimitiveType[Type_PrimitiveType["BOOL"] = 1] = "BOOL";
    /**
     * Int64 type.
     *
     * 32-bit integer values are widened to int64.
     *
     * @generated from enum value: INT64 = 2;
     */
    Type_PrimitiveType[Type_PrimitiveType["INT64"] = 2] = "INT64";
    /**
     * Uint64 type.
     *
     * 32-bit unsigned integer values are widened to uint64.
     *
     * @generated from enum value: UINT64 = 3;
     */
    Type_PrimitiveType[Type_PrimitiveType["UINT64"] = 3] = "UINT64";
    /**
     * Double type.
     *
     * 32-bit float values are widened to double values.
     *
     * @generated from enum value: DOUBLE = 4;
     */
    Type_PrimitiveType[Type_PrimitiveType["DOUBLE"] = 4] = "DOUBLE";
    /**
     * String type.
     *
     * @generated from enum value: STRING = 5;
     */
    Type_PrimitiveType[Type_PrimitiveType["STRING"] = 5] = "STRING";
    /**
     * Bytes type.
     *
     * @generated from enum value: BYTES = 6;
     */
    Type_PrimitiveType[Type_PrimitiveType["BYTES"] = 6] = "BYTES";
})(Type_PrimitiveType || (Type_PrimitiveType = {}));
/**
 * Describes the enum cel.expr.Type.PrimitiveType.
 */
const Type_PrimitiveTypeSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (enumDesc(file_cel_expr_checked, 1, 0)));
/**
 * Well-known protobuf types treated with first-class support in CEL.
 *
 * @generated from enum cel.expr.Type.WellKnownType
 */
var Type_WellKnownType;
(function (Type_WellKnownType) {
    /**
     * Unspecified type.
     *
     * @generated from enum value: WELL_KNOWN_TYPE_UNSPECIFIED = 0;
     */
    Type_WellKnownType[Type_WellKnownType["WELL_KNOWN_TYPE_UNSPECIFIED"] = 0] = "WELL_KNOWN_TYPE_UNSPECIFIED";
    /**
     * Well-known protobuf.Any type.
     *
     * Any types are a polymorphic message type. During type-checking they are
     * treated like `DYN` types, but at runtime they are resolved to a specific
     * message type specified at evaluation time.
     *
     * @generated from enum value: ANY = 1;
     */
    Type_WellKnownType[Type_WellKnownType["ANY"] = 1] = "ANY";
    /**
     * Well-known protobuf.Timestamp type, internally referenced as `timestamp`.
     *
     * @generated from enum value: TIMESTAMP = 2;
     */
    Type_WellKnownType[Type_WellKnownType["TIMESTAMP"] = 2] = "TIMESTAMP";
    /**
     * Well-known protobuf.Duration type, internally referenced as `duration`.
     *
     * @generated from enum value: DURATION = 3;
     */
    Type_WellKnownType[Type_WellKnownType["DURATION"] = 3] = "DURATION";
})(Type_WellKnownType || (Type_WellKnownType = {}));
/**
 * Describes the enum cel.expr.Type.WellKnownType.
 */
const Type_WellKnownTypeSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (enumDesc(file_cel_expr_checked, 1, 1)));
/**
 * Describes the message cel.expr.Decl.
 * Use `create(DeclSchema)` to create a new message.
 */
const DeclSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 2)));
/**
 * Describes the message cel.expr.Decl.IdentDecl.
 * Use `create(Decl_IdentDeclSchema)` to create a new message.
 */
const Decl_IdentDeclSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 2, 0)));
/**
 * Describes the message cel.expr.Decl.FunctionDecl.
 * Use `create(Decl_FunctionDeclSchema)` to create a new message.
 */
const Decl_FunctionDeclSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 2, 1)));
/**
 * Describes the message cel.expr.Decl.FunctionDecl.Overload.
 * Use `create(Decl_FunctionDecl_OverloadSchema)` to create a new message.
 */
const Decl_FunctionDecl_OverloadSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 2, 1, 0)));
/**
 * Describes the message cel.expr.Reference.
 * Use `create(ReferenceSchema)` to create a new message.
 */
const ReferenceSchema = /*@__PURE__*/ (/* unused pure expression or super */ null && (messageDesc(file_cel_expr_checked, 3)));

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/namespace.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
/**
 * Resolves possible names of an identifier in the order of preference
 * defined in the spec.
 *
 * > Resolution works as follows. If a.b is a name to be resolved in the context of
 *  a protobuf declaration with scope A.B, then resolution is attempted, in order,
 *  as A.B.a.b, A.a.b, and finally a.b. To override this behavior, one can use .a.b;
 *  this name will only be attempted to be resolved in the root scope, i.e. as a.b.
 *
 * Ref: https://github.com/google/cel-spec/blob/master/doc/langdef.md#name-resolution
 */
function resolveCandidateNames(namespace, name) {
    if (name.startsWith(".")) {
        return [name.substring(1)];
    }
    if (namespace === "") {
        return [name];
    }
    const candidates = [];
    for (let nextNs = namespace;;) {
        candidates.push(nextNs + "." + name);
        const i = nextNs.lastIndexOf(".");
        if (i < 0) {
            break;
        }
        nextNs = nextNs.substring(0, i);
    }
    candidates.push(name);
    return candidates;
}

// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/reflect/guard.js
var guard = __webpack_require__(1394);
// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/reflect/reflect.js
var reflect = __webpack_require__(1106);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/field.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.






function accessByIndex(obj, index) {
    if (typeof obj !== "object" || obj === null) {
        return undefined;
    }
    if ((0,esm_map/* isCelMap */.hV)(obj)) {
        return obj.get(index);
    }
    if ((0,esm_list/* isCelList */.B9)(obj)) {
        return obj.get(Number(index));
    }
    return undefined;
}
/**
 * Access fields on Maps and Message by name.
 */
function accessByName(obj, name) {
    if (typeof obj !== "object" || obj === null) {
        return undefined;
    }
    if ((0,esm_map/* isCelMap */.hV)(obj)) {
        return obj.get(name);
    }
    // Message
    obj = (0,esm_value/* unwrapAny */.sn)(obj);
    if (!(0,guard/* isReflectMessage */.LT)(obj)) {
        return undefined;
    }
    const field = obj.desc.fields.find((f) => f.name === name);
    if (!field) {
        return undefined;
    }
    switch (field.fieldKind) {
        case "enum":
            return BigInt(obj.get(field));
        case "list":
            return (0,esm_list/* celList */.bC)(obj.get(field));
        case "map":
            return (0,esm_map/* celMap */.$I)(obj.get(field));
        case "scalar":
            return (0,proto/* celFromScalar */.T)(field.scalar, obj.get(field));
        case "message":
            if (obj.isSet(field)) {
                return (0,esm_value/* reflectMsgToCel */.SF)(obj.get(field));
            }
            if ((0,wrappers/* isWrapperDesc */.lU)(field.message)) {
                return null;
            }
            switch (field.message.typeName) {
                case struct_pb/* StructSchema */.fI.typeName:
                    return esm_map/* EMPTY_MAP */.j4;
                case struct_pb/* ListValueSchema */.$5.typeName:
                    return esm_list/* EMPTY_LIST */.xF;
                case struct_pb/* ValueSchema */.Pb.typeName:
                    return null;
            }
            return (0,reflect/* reflect */.E4)(field.message);
    }
}
/**
 * Check to see if a field is set.
 *
 * It returns undefined if the field name is not valid.
 */
function isSet(obj, name) {
    if (typeof obj !== "object" || obj === null) {
        return false;
    }
    if ((0,esm_map/* isCelMap */.hV)(obj)) {
        return obj.has(name);
    }
    // Message
    obj = (0,esm_value/* unwrapAny */.sn)(obj);
    if ((0,guard/* isReflectMessage */.LT)(obj)) {
        const field = obj.desc.fields.find((f) => f.name === name);
        if (!field) {
            return undefined;
        }
        return obj.isSet(field);
    }
    return false;
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/access.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.






function attrAccess(factory, vars, obj, accAttr) {
    const val = accAttr.resolve(vars);
    if (val === undefined) {
        return undefined;
    }
    if ((0,error/* isCelError */.Jr)(val)) {
        return val;
    }
    const access = factory.newAccess(accAttr.id, val, accAttr.isOptional());
    return access.access(vars, obj);
}
function attrIsPresent(factory, vars, obj, accAttr) {
    const val = accAttr.resolve(vars);
    if (val === undefined) {
        return false;
    }
    if ((0,error/* isCelError */.Jr)(val)) {
        return val;
    }
    const access = factory.newAccess(accAttr.id, val, accAttr.isOptional());
    return access.isPresent(vars, obj);
}
function attrAccessIfPresent(factory, vars, obj, accAttr, presenceOnly) {
    const val = accAttr.resolve(vars);
    if (val === undefined) {
        return undefined;
    }
    if ((0,error/* isCelError */.Jr)(val)) {
        return val;
    }
    const access = factory.newAccess(accAttr.id, val, accAttr.isOptional());
    return access.accessIfPresent(vars, obj, presenceOnly);
}
function applyAccesses(vars, obj, accesses) {
    if (accesses.length === 0) {
        return obj;
    }
    let cur = obj;
    for (const access of accesses) {
        const result = access.access(vars, cur);
        if (result === undefined) {
            return undefined;
        }
        if ((0,error/* isCelError */.Jr)(result)) {
            return result;
        }
        cur = result;
    }
    return cur;
}
class AbsoluteAttr {
    id;
    nsNames;
    accesses_;
    registry;
    factory;
    constructor(id, nsNames, accesses_, registry, factory) {
        this.id = id;
        this.nsNames = nsNames;
        this.accesses_ = accesses_;
        this.registry = registry;
        this.factory = factory;
        if (nsNames.length === 0) {
            throw new Error("No names provided");
        }
    }
    isOptional() {
        return false;
    }
    addAccess(access) {
        this.accesses_.push(access);
    }
    candidateNames() {
        return this.nsNames;
    }
    accesses() {
        return this.accesses_;
    }
    access(vars, obj) {
        return attrAccess(this.factory, vars, obj, this);
    }
    isPresent(vars, obj) {
        return attrIsPresent(this.factory, vars, obj, this);
    }
    accessIfPresent(vars, obj, presenceOnly) {
        return attrAccessIfPresent(this.factory, vars, obj, this, presenceOnly);
    }
    resolve(vars) {
        for (const name of this.nsNames) {
            const raw = vars.resolve(name);
            if (raw !== undefined) {
                if ((0,error/* isCelError */.Jr)(raw)) {
                    return raw;
                }
                return applyAccesses(vars, raw, this.accesses_);
            }
            const typ = this.findIdent(name);
            if (typ !== undefined && this.accesses_.length === 0) {
                return typ;
            }
        }
        return undefined;
    }
    findIdent(ident) {
        const desc = this.registry.getMessage(ident);
        if (desc) {
            return (0,type/* objectType */.ge)(desc);
        }
        // Must be an enum
        if (ident.indexOf(".") > 1) {
            const lastDot = ident.lastIndexOf(".");
            const enumName = ident.substring(0, lastDot);
            const valueName = ident.substring(lastDot + 1);
            const descEnum = this.registry.getEnum(enumName);
            if (descEnum) {
                const enumValue = descEnum.values.find((v) => v.name === valueName);
                if (enumValue) {
                    return BigInt(enumValue.number);
                }
            }
        }
        switch (ident) {
            case "int":
                return type/* CelScalar */.ZR.INT;
            case "uint":
                return type/* CelScalar */.ZR.UINT;
            case "double":
                return type/* CelScalar */.ZR.DOUBLE;
            case "bool":
                return type/* CelScalar */.ZR.BOOL;
            case "string":
                return type/* CelScalar */.ZR.STRING;
            case "bytes":
                return type/* CelScalar */.ZR.BYTES;
            case "list":
                return (0,type/* listType */.Vc)(type/* CelScalar */.ZR.DYN);
            case "map":
                return (0,type/* mapType */.H$)(type/* CelScalar */.ZR.DYN, type/* CelScalar */.ZR.DYN);
            case "null_type":
                return type/* CelScalar */.ZR.NULL;
            case "type":
                return type/* CelScalar */.ZR.TYPE;
            default:
                return undefined;
        }
    }
}
class ConditionalAttr {
    id;
    cond;
    t;
    f;
    factory;
    constructor(id, cond, t, f, factory) {
        this.id = id;
        this.cond = cond;
        this.t = t;
        this.f = f;
        this.factory = factory;
    }
    isOptional() {
        return false;
    }
    addAccess(access) {
        this.t.addAccess(access);
        this.f.addAccess(access);
    }
    access(vars, obj) {
        return attrAccess(this.factory, vars, obj, this);
    }
    isPresent(vars, obj) {
        return attrIsPresent(this.factory, vars, obj, this);
    }
    accessIfPresent(vars, obj, presenceOnly) {
        return attrAccessIfPresent(this.factory, vars, obj, this, presenceOnly);
    }
    resolve(vars) {
        const cond = this.cond.eval(vars);
        switch (true) {
            case cond === true:
                return this.t.resolve(vars);
            case cond === false:
                return this.f.resolve(vars);
            case (0,error/* isCelError */.Jr)(cond):
                return cond;
        }
        return (0,error/* celError */.$U)(`found no matching overload for _?_:_ applied to '(${(0,type/* celType */.zO)(cond).name})'`, this.id);
    }
}
class MaybeAttr {
    id;
    attrs;
    factory;
    constructor(id, attrs, factory) {
        this.id = id;
        this.attrs = attrs;
        this.factory = factory;
    }
    isOptional() {
        return false;
    }
    addAccess(access) {
        const augmentedNames = [];
        let str;
        if (access instanceof StringAccess) {
            str = access.name;
        }
        // Add the access to all existing attributes.
        for (const attr of this.attrs) {
            if (str !== undefined && attr.accesses().length === 0) {
                for (const name of attr.candidateNames()) {
                    augmentedNames.push(name + "." + str);
                }
            }
            attr.addAccess(access);
        }
        if (augmentedNames.length > 0) {
            // Next, ensure the most specific variable / type reference is searched first.
            const newAttr = this.factory.createAbsolute(this.id, augmentedNames);
            // Insert it as the first attribute to search.
            this.attrs.unshift(newAttr);
        }
    }
    access(vars, obj) {
        return attrAccess(this.factory, vars, obj, this);
    }
    isPresent(vars, obj) {
        return attrIsPresent(this.factory, vars, obj, this);
    }
    accessIfPresent(vars, obj, presenceOnly) {
        return attrAccessIfPresent(this.factory, vars, obj, this, presenceOnly);
    }
    resolve(vars) {
        for (const attr of this.attrs) {
            const val = attr.resolve(vars);
            if (val !== undefined) {
                return val;
            }
        }
        return undefined;
    }
}
class RelativeAttr {
    id;
    operand;
    accesses_;
    factory;
    constructor(id, operand, accesses_, factory) {
        this.id = id;
        this.operand = operand;
        this.accesses_ = accesses_;
        this.factory = factory;
    }
    isOptional() {
        return false;
    }
    addAccess(access) {
        this.accesses_.push(access);
    }
    access(vars, obj) {
        return attrAccess(this.factory, vars, obj, this);
    }
    isPresent(vars, obj) {
        return attrIsPresent(this.factory, vars, obj, this);
    }
    accessIfPresent(vars, obj, presenceOnly) {
        return attrAccessIfPresent(this.factory, vars, obj, this, presenceOnly);
    }
    resolve(vars) {
        const v = this.operand.eval(vars);
        if ((0,error/* isCelError */.Jr)(v)) {
            return v;
        }
        return applyAccesses(vars, v, this.accesses_);
    }
}
class StringAccess {
    id;
    name;
    celVal;
    optional;
    constructor(id, name, celVal, optional) {
        this.id = id;
        this.name = name;
        this.celVal = celVal;
        this.optional = optional;
    }
    isOptional() {
        return this.optional;
    }
    access(_vars, obj) {
        const val = accessByName(obj, this.name);
        if (val === undefined && !this.optional) {
            return fieldNotFound(this.id, this.name);
        }
        return val;
    }
    isPresent(_vars, obj) {
        const set = isSet(obj, this.name);
        if (set === undefined) {
            return fieldNotFound(this.id, this.name);
        }
        return set;
    }
    accessIfPresent(_vars, obj, presenceOnly) {
        const val = accessByName(obj, this.name);
        if (val === undefined && !this.optional && !presenceOnly) {
            return fieldNotFound(this.id, this.name);
        }
        return val;
    }
}
class BoolAccess {
    id;
    index;
    optional;
    constructor(id, index, optional) {
        this.id = id;
        this.index = index;
        this.optional = optional;
    }
    isOptional() {
        return this.optional;
    }
    access(_vars, obj) {
        if (obj === undefined) {
            return obj;
        }
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return fieldNotFound(this.id, this.index);
        }
        return raw;
    }
    isPresent(_vars, obj) {
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return fieldNotFound(this.id, this.index);
        }
        return true;
    }
    accessIfPresent(_vars, obj, _presenceOnly) {
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return fieldNotFound(this.id, this.index);
        }
        return raw;
    }
}
class NumAccess {
    id;
    index;
    celVal;
    optional;
    constructor(id, index, celVal, optional) {
        this.id = id;
        this.index = index;
        this.celVal = celVal;
        this.optional = optional;
    }
    isOptional() {
        return this.optional;
    }
    access(_vars, obj) {
        if (obj === undefined) {
            return obj;
        }
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return indexOutOfBounds(this.id, this.index, -1);
        }
        return raw;
    }
    isPresent(_vars, obj) {
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return indexOutOfBounds(this.id, this.index, -1);
        }
        return true;
    }
    accessIfPresent(_vars, obj, _presenceOnly) {
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return indexOutOfBounds(this.id, this.index, -1);
        }
        return raw;
    }
}
class IntAccess {
    id;
    index;
    celVal;
    optional;
    constructor(id, index, celVal, optional) {
        this.id = id;
        this.index = index;
        this.celVal = celVal;
        this.optional = optional;
    }
    access(_vars, obj) {
        if (obj === undefined) {
            return obj;
        }
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return indexOutOfBounds(this.id, Number(this.index), -1);
        }
        return raw;
    }
    isPresent(_vars, obj) {
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return indexOutOfBounds(this.id, Number(this.index), -1);
        }
        return true;
    }
    accessIfPresent(_vars, obj, _presenceOnly) {
        const raw = accessByIndex(obj, this.index);
        if (raw === undefined && !this.optional) {
            return indexOutOfBounds(this.id, Number(this.index), -1);
        }
        return raw;
    }
    isOptional() {
        return this.optional;
    }
}
class ErrorAttr {
    id;
    error;
    opt;
    constructor(id, error, opt) {
        this.id = id;
        this.error = error;
        this.opt = opt;
    }
    addAccess(_access) {
        // Do nothing
    }
    resolve(_vars) {
        return this.error;
    }
    isOptional() {
        return this.opt;
    }
    access(_vars, _obj) {
        return this.error;
    }
    isPresent(_vars, _obj) {
        return this.error;
    }
    accessIfPresent(_vars, _obj, _presenceOnly) {
        return this.error;
    }
}
class EvalAccess {
    id;
    key;
    factory;
    optional;
    constructor(id, key, factory, optional) {
        this.id = id;
        this.key = key;
        this.factory = factory;
        this.optional = optional;
    }
    access(vars, obj) {
        if (obj === undefined) {
            return obj;
        }
        const key = this.key.eval(vars);
        if ((0,error/* isCelError */.Jr)(key)) {
            return key;
        }
        const access = this.factory.newAccess(this.id, key, this.optional);
        return access.access(vars, obj);
    }
    isPresent(vars, obj) {
        if (obj === undefined) {
            return false;
        }
        const key = this.key.eval(vars);
        if ((0,error/* isCelError */.Jr)(key)) {
            return key;
        }
        const access = this.factory.newAccess(this.id, key, this.optional);
        return access.isPresent(vars, obj);
    }
    accessIfPresent(vars, obj, presenceOnly) {
        const key = this.key.eval(vars);
        if ((0,error/* isCelError */.Jr)(key)) {
            return key;
        }
        const access = this.factory.newAccess(this.id, key, this.optional);
        return access.accessIfPresent(vars, obj, presenceOnly);
    }
    isOptional() {
        return this.optional;
    }
}
class ConcreteAttributeFactory {
    registry;
    container;
    constructor(registry, container) {
        this.registry = registry;
        this.container = container;
    }
    createAbsolute(id, names) {
        return new AbsoluteAttr(id, names, [], this.registry, this);
    }
    createConditional(id, cond, t, f) {
        return new ConditionalAttr(id, cond, t, f, this);
    }
    createMaybe(id, name) {
        return new MaybeAttr(id, [this.createAbsolute(id, resolveCandidateNames(this.container, name))], this);
    }
    createRelative(id, operand) {
        return new RelativeAttr(id, operand, [], this);
    }
    newAccess(id, val, opt) {
        switch (typeof val) {
            case "boolean":
                return new BoolAccess(id, val, opt);
            case "number":
                return new NumAccess(id, val, val, opt);
            case "bigint":
                return new IntAccess(id, val, val, opt);
            case "string":
                return new StringAccess(id, val, val, opt);
            case "object":
                if (val instanceof EvalAttr) {
                    return new EvalAccess(id, val, this, opt);
                }
                if ((0,uint/* isCelUint */.p)(val)) {
                    return new IntAccess(id, val.value, val, opt);
                }
                break;
            default:
                break;
        }
        return new ErrorAttr(id, (0,error/* celError */.$U)("unsupported key type", id), opt);
    }
}
function fieldNotFound(id, name) {
    return (0,error/* celError */.$U)(`field not found: ${String(name)}`, id);
}
function indexOutOfBounds(id, index, length) {
    return (0,error/* celError */.$U)(`index ${index} out of bounds [0, ${length})`, id);
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/activation.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.


class ObjectActivation {
    data;
    constructor(data) {
        this.data = data;
    }
    resolve(name) {
        const value = this.data[name];
        if (value === undefined) {
            return undefined;
        }
        if ((0,error/* isCelError */.Jr)(value)) {
            return value;
        }
        return (0,esm_value/* toCel */.Oo)(value);
    }
}
class VarActivation {
    name;
    value;
    parent;
    constructor(name, value, parent) {
        this.name = name;
        this.value = value;
        this.parent = parent;
    }
    resolve(name) {
        if (name === this.name) {
            return this.value;
        }
        return this.parent.resolve(name);
    }
}
const EMPTY_ACTIVATION = {
    resolve() {
        return undefined;
    },
};

// EXTERNAL MODULE: ./node_modules/@bufbuild/protobuf/dist/esm/wire/binary-encoding.js
var binary_encoding = __webpack_require__(3322);
;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/object.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.











/**
 * Creates a new CelValue of the given type and with the given fields.
 *
 * Wrappers are converted to their corresponding scalars.
 */
function celObject(typeName, fields) {
    const desc = (0,esm_eval/* getMsgDesc */.rd)(typeName);
    const msg = (0,reflect/* reflect */.E4)(desc);
    for (const [k, v] of fields.entries()) {
        const field = desc.fields.find((f) => f.name === k);
        if (field === undefined) {
            throw new Error(`Unknown field ${k} for ${typeName}`);
        }
        setMsgField(msg, field, v);
    }
    return (0,esm_value/* reflectMsgToCel */.SF)(msg);
}
function setMsgField(msg, field, v) {
    switch (field.fieldKind) {
        case "list":
            if (!(0,esm_list/* isCelList */.B9)(v)) {
                throw unexpectedTypeError(field, "list", v);
            }
            const list = (0,reflect/* reflectList */.O3)(field, undefined, false);
            copyList(list, v);
            msg.set(field, list);
            return;
        case "map":
            if (!(0,esm_map/* isCelMap */.hV)(v)) {
                throw unexpectedTypeError(field, "map", v);
            }
            const map = (0,reflect/* reflectMap */.K8)(field, undefined, false);
            copyMap(map, v);
            msg.set(field, map);
            return;
        case "enum":
            msg.set(field, enumFromCel(field, v));
            return;
        case "message":
            const msgVal = msgFromCel(field, v);
            if (msgVal !== null) {
                msg.set(field, msgVal);
            }
            return;
    }
    msg.set(field, scalarFromCel(field, field.scalar, v));
}
function copyList(list, cList) {
    const field = list.field();
    for (const v of cList) {
        switch (field.listKind) {
            case "enum":
                list.add(enumFromCel(field, v));
                break;
            case "message":
                list.add(msgFromCel(field, v));
                break;
            case "scalar":
                list.add(scalarFromCel(field, field.scalar, v));
                break;
        }
    }
}
function copyMap(map, cMap) {
    const field = map.field();
    for (const [k, v] of cMap.entries()) {
        const key = scalarFromCel(field, field.mapKey, k);
        switch (field.mapKind) {
            case "enum":
                map.set(key, enumFromCel(field, v));
                break;
            case "scalar":
                map.set(key, scalarFromCel(field, field.scalar, v));
                break;
            case "message":
                map.set(key, msgFromCel(field, v));
                break;
        }
    }
}
function enumFromCel(field, v) {
    if (typeof v !== "bigint") {
        throw unexpectedTypeError(field, "int", v);
    }
    return intToInt32(v);
}
function msgFromCel(field, v) {
    switch (field.message.typeName) {
        case any_pb/* AnySchema */.y.typeName:
            if ((0,guard/* isReflectMessage */.LT)(v, any_pb/* AnySchema */.y)) {
                return v;
            }
            return (0,reflect/* reflect */.E4)(any_pb/* AnySchema */.y, anyFromCel(v));
        case struct_pb/* ValueSchema */.Pb.typeName:
            return (0,reflect/* reflect */.E4)(struct_pb/* ValueSchema */.Pb, valueFromCel(v));
        case struct_pb/* StructSchema */.fI.typeName:
            if (!(0,esm_map/* isCelMap */.hV)(v)) {
                throw unexpectedTypeError(field, "map", v);
            }
            return (0,reflect/* reflect */.E4)(struct_pb/* StructSchema */.fI, structFromCel(v));
        case struct_pb/* ListValueSchema */.$5.typeName:
            if (!(0,esm_list/* isCelList */.B9)(v)) {
                throw unexpectedTypeError(field, "list", v);
            }
            return (0,reflect/* reflect */.E4)(struct_pb/* ListValueSchema */.$5, listValueFromCel(v));
    }
    if (v === null) {
        return null;
    }
    if ((0,wrappers/* isWrapperDesc */.lU)(field.message)) {
        const msg = (0,reflect/* reflect */.E4)(field.message, undefined, false);
        msg.set(field.message.fields[0], scalarFromCel(field.message.fields[0], field.message.fields[0].scalar, v));
        return msg;
    }
    if (!(0,guard/* isReflectMessage */.LT)(v, field.message)) {
        throw unexpectedTypeError(field, field.message.typeName, v);
    }
    return v;
}
/**
 * Converts a CelValue to google.protobuf.Any.
 *
 * While the CEL spec doesn't say anything about converting
 * CEL values to types, there a couple conformance tests around
 * WKTs that expect this behavior. The go implementation also handles
 * converting all CEL types except for type.
 */
function anyFromCel(v) {
    switch (typeof v) {
        case "string":
            return (0,wkt_any/* anyPack */.G0)(wrappers_pb/* StringValueSchema */.g8, (0,create/* create */.v)(wrappers_pb/* StringValueSchema */.g8, { value: v }));
        case "boolean":
            return (0,wkt_any/* anyPack */.G0)(wrappers_pb/* BoolValueSchema */.JM, (0,create/* create */.v)(wrappers_pb/* BoolValueSchema */.JM, { value: v }));
        case "bigint":
            return (0,wkt_any/* anyPack */.G0)(wrappers_pb/* Int64ValueSchema */.i7, (0,create/* create */.v)(wrappers_pb/* Int64ValueSchema */.i7, { value: v }));
        case "number":
            return (0,wkt_any/* anyPack */.G0)(wrappers_pb/* DoubleValueSchema */.WL, (0,create/* create */.v)(wrappers_pb/* DoubleValueSchema */.WL, { value: v }));
        default:
            switch (true) {
                case v instanceof Uint8Array:
                    return (0,wkt_any/* anyPack */.G0)(wrappers_pb/* BytesValueSchema */.CT, (0,create/* create */.v)(wrappers_pb/* BytesValueSchema */.CT, { value: v }));
                case v == null:
                    return (0,wkt_any/* anyPack */.G0)(struct_pb/* ValueSchema */.Pb, (0,create/* create */.v)(struct_pb/* ValueSchema */.Pb, {
                        kind: { case: "nullValue", value: struct_pb/* NullValue */.Xz.NULL_VALUE },
                    }));
                case (0,esm_list/* isCelList */.B9)(v):
                    return (0,wkt_any/* anyPack */.G0)(struct_pb/* ListValueSchema */.$5, listValueFromCel(v));
                case (0,esm_map/* isCelMap */.hV)(v):
                    return (0,wkt_any/* anyPack */.G0)(struct_pb/* StructSchema */.fI, structFromCel(v));
                case (0,uint/* isCelUint */.p)(v):
                    return (0,wkt_any/* anyPack */.G0)(wrappers_pb/* UInt64ValueSchema */.Nh, (0,create/* create */.v)(wrappers_pb/* UInt64ValueSchema */.Nh, { value: v.value }));
                case (0,guard/* isReflectMessage */.LT)(v):
                    return (0,wkt_any/* anyPack */.G0)(v.desc, v.message);
                default:
                    // Only CelType is left.
                    throw new Error(`type cannot be converted ${any_pb/* AnySchema */.y}`);
            }
    }
}
/**
 * Converts a CelValue to google.protobuf.Value.
 *
 * CEL defines conversion to/from JSON. Since Value represents the JSON type
 * in CEL and protobuf, we can use the same logic to convert them.
 *
 * Ref: https://github.com/google/cel-spec/blob/master/doc/langdef.md#json-data-conversion
 */
function valueFromCel(v) {
    const value = (0,create/* create */.v)(struct_pb/* ValueSchema */.Pb);
    switch (typeof v) {
        case "string":
            value.kind = { case: "stringValue", value: v };
            break;
        case "boolean":
            value.kind = { case: "boolValue", value: v };
            break;
        case "bigint":
            if (v > BigInt(Number.MAX_SAFE_INTEGER) ||
                v < BigInt(Number.MIN_SAFE_INTEGER)) {
                value.kind = { case: "stringValue", value: v.toString() };
            }
            else {
                value.kind = { case: "numberValue", value: Number(v) };
            }
            break;
        case "number":
            if (Number.isNaN(v)) {
                value.kind = { case: "stringValue", value: "NaN" };
            }
            else if (v === Number.POSITIVE_INFINITY) {
                value.kind = { case: "stringValue", value: "Infinity" };
            }
            else if (v === Number.NEGATIVE_INFINITY) {
                value.kind = { case: "stringValue", value: "-Infinity" };
            }
            else {
                value.kind = { case: "numberValue", value: Number(v) };
            }
            break;
        default:
            switch (true) {
                case v instanceof Uint8Array:
                    value.kind = { case: "stringValue", value: (0,base64_encoding/* base64Encode */.K)(v) };
                    break;
                case v == null:
                    value.kind = { case: "nullValue", value: struct_pb/* NullValue */.Xz.NULL_VALUE };
                    break;
                case (0,esm_list/* isCelList */.B9)(v):
                    value.kind = { case: "listValue", value: listValueFromCel(v) };
                    break;
                case (0,esm_map/* isCelMap */.hV)(v):
                    value.kind = { case: "structValue", value: structFromCel(v) };
                    break;
                case (0,uint/* isCelUint */.p)(v):
                    if (v.value > BigInt(Number.MAX_SAFE_INTEGER)) {
                        value.kind = { case: "stringValue", value: v.value.toString() };
                    }
                    else {
                        value.kind = { case: "numberValue", value: Number(v.value) };
                    }
                    break;
                case (0,guard/* isReflectMessage */.LT)(v):
                    // We can skip the intermediary step, but that will require
                    // us to reimplement all of toJson just with a different result type.
                    return fromJson(struct_pb/* ValueSchema */.Pb, (0,to_json/* toJson */.aB)(v.desc, v.message));
                default:
                    // Only CelType is left which is not supported.
                    throw new Error(`type cannot be converted ${struct_pb/* ValueSchema */.Pb}`);
            }
    }
    return value;
}
function listValueFromCel(list) {
    const listValue = (0,create/* create */.v)(struct_pb/* ListValueSchema */.$5);
    for (const v of list) {
        listValue.values.push(valueFromCel(v));
    }
    return listValue;
}
function structFromCel(map) {
    const struct = (0,create/* create */.v)(struct_pb/* StructSchema */.fI);
    for (const [k, v] of map.entries()) {
        if (typeof k !== "string") {
            throw new Error(`Invalid key type: ${typeof k} for google.protobuf.Struct, expected string`);
        }
        struct.fields[k] = valueFromCel(v);
    }
    return struct;
}
function scalarFromCel(field, type, v) {
    if ((0,uint/* isCelUint */.p)(v)) {
        v = v.value;
    }
    switch (type) {
        case descriptors/* ScalarType */.L.UINT32:
        case descriptors/* ScalarType */.L.FIXED32:
            if (typeof v !== "bigint") {
                throw unexpectedTypeError(field, "int", v);
            }
            return intToUint32(v);
        case descriptors/* ScalarType */.L.INT32:
        case descriptors/* ScalarType */.L.SINT32:
        case descriptors/* ScalarType */.L.SFIXED32:
            if (typeof v !== "bigint") {
                throw unexpectedTypeError(field, "int", v);
            }
            return intToInt32(v);
        case descriptors/* ScalarType */.L.UINT64:
        case descriptors/* ScalarType */.L.FIXED64:
        case descriptors/* ScalarType */.L.INT64:
        case descriptors/* ScalarType */.L.SINT64:
        case descriptors/* ScalarType */.L.SFIXED64:
            if (typeof v !== "bigint") {
                throw unexpectedTypeError(field, "int", v);
            }
            return v;
        case descriptors/* ScalarType */.L.FLOAT:
            if (typeof v !== "number") {
                throw unexpectedTypeError(field, "double", v);
            }
            return Math.fround(v);
        case descriptors/* ScalarType */.L.DOUBLE:
            if (typeof v !== "number") {
                throw unexpectedTypeError(field, "double", v);
            }
            return v;
        case descriptors/* ScalarType */.L.STRING:
            if (typeof v !== "string") {
                throw unexpectedTypeError(field, "string", v);
            }
            return v;
        case descriptors/* ScalarType */.L.BOOL:
            if (typeof v !== "boolean") {
                throw unexpectedTypeError(field, "bool", v);
            }
            return v;
        case descriptors/* ScalarType */.L.BYTES:
            if (!(v instanceof Uint8Array)) {
                throw unexpectedTypeError(field, "bytes", v);
            }
            return v;
    }
}
function unexpectedTypeError(field, expected, actValue) {
    return new Error(`Expected ${expected} but got ${(0,type/* celType */.zO)(actValue)} for ${field.parent}.${field.name}`);
}
function intToInt32(v) {
    if (v < binary_encoding/* INT32_MIN */.Qh || v > binary_encoding/* INT32_MAX */.go) {
        throw new Error("int32 out of range");
    }
    return Number(v);
}
function intToUint32(v) {
    if (v < 0 || v > binary_encoding/* UINT32_MAX */.f7) {
        throw new Error("uint32 out of range");
    }
    return Number(v);
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/planner.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.










class Planner {
    functions;
    registry;
    namespace;
    factory;
    constructor(functions, registry, namespace) {
        this.functions = functions;
        this.registry = registry;
        this.namespace = namespace;
        this.factory = new ConcreteAttributeFactory(this.registry, this.namespace);
    }
    plan(expr) {
        const id = Number(expr.id);
        switch (expr.exprKind.case) {
            case "identExpr":
                return new EvalAttr(this.factory.createMaybe(id, expr.exprKind.value.name), false);
            case "constExpr":
                return new EvalConst(id, this.constVal(expr.exprKind.value));
            case "callExpr":
                return this.planCall(id, expr.exprKind.value);
            case "listExpr":
                return this.planCreateList(id, expr.exprKind.value);
            case "structExpr":
                return this.planCreateStruct(id, expr.exprKind.value);
            case "selectExpr":
                return this.planSelect(id, expr.exprKind.value);
            case "comprehensionExpr":
                return this.planComprehension(id, expr.exprKind.value);
            default:
                return new EvalErr(id, "invalid expression");
        }
    }
    planComprehension(id, value) {
        if (value.accuInit === undefined ||
            value.iterRange === undefined ||
            value.loopCondition === undefined ||
            value.loopStep === undefined ||
            value.result === undefined) {
            throw new Error("invalid comprehension");
        }
        const accu = this.plan(value.accuInit);
        const iterRange = this.plan(value.iterRange);
        const cond = this.plan(value.loopCondition);
        const step = this.plan(value.loopStep);
        const result = this.plan(value.result);
        return new EvalFold(id, value.accuVar, value.iterVar, iterRange, accu, cond, step, result);
    }
    planSelect(id, expr) {
        if (expr.operand === undefined) {
            throw new Error("invalid select");
        }
        const operand = this.plan(expr.operand);
        const attr = this.relativeAttr(id, operand, false);
        const acc = this.factory.newAccess(id, expr.field, false);
        if (acc instanceof ErrorAttr) {
            throw new Error(`invalid select: ${acc.error.message}`);
        }
        if (expr.testOnly) {
            return new EvalHas(id, attr, acc, expr.field);
        }
        attr.addAccess(acc);
        return attr;
    }
    planCreateObj(id, expr) {
        const typeName = this.resolveType(expr.messageName);
        if (typeName === undefined) {
            return new EvalErr(id, "unknown type: " + expr.messageName);
        }
        let optionals = undefined;
        const keys = [];
        const values = [];
        for (let i = 0; i < expr.entries.length; i++) {
            const entry = expr.entries[i];
            if (entry.optionalEntry) {
                if (optionals === undefined) {
                    optionals = new Array(expr.entries.length).fill(false);
                }
                optionals[i] = true;
            }
            switch (entry.keyKind.case) {
                case "fieldKey":
                    keys.push(entry.keyKind.value);
                    break;
                case "mapKey":
                    throw new Error("invalid entry");
                default:
                    break;
            }
            if (entry.value === undefined) {
                throw new Error("invalid entry");
            }
            values.push(this.plan(entry.value));
        }
        return new EvalObj(id, typeName, keys, values, optionals);
    }
    planCreateStruct(id, expr) {
        if (expr.messageName !== "") {
            return this.planCreateObj(id, expr);
        }
        let optionals = undefined;
        const keys = [];
        const values = [];
        for (let i = 0; i < expr.entries.length; i++) {
            const entry = expr.entries[i];
            if (entry.optionalEntry) {
                if (optionals === undefined) {
                    optionals = new Array(expr.entries.length).fill(false);
                }
                optionals[i] = true;
            }
            switch (entry.keyKind.case) {
                case "fieldKey":
                    throw new Error("unimplemented");
                case "mapKey":
                    keys.push(this.plan(entry.keyKind.value));
                    break;
                default:
                    break;
            }
            if (entry.value === undefined) {
                return new EvalErr(id, "map entry missing value");
            }
            values.push(this.plan(entry.value));
        }
        return new EvalMap(id, keys, values, optionals);
    }
    planCreateList(id, expr) {
        const optionals = undefined;
        if (expr.optionalIndices.length > 0) {
            // set optionals to an array of booleans the same length as the list
            const optionals = new Array(expr.elements.length).fill(false);
            for (let i = 0; i < expr.optionalIndices.length; i++) {
                const index = expr.optionalIndices[i];
                if (index < 0 || index >= expr.elements.length) {
                    throw new Error("invalid optional index");
                }
                optionals[index] = true;
            }
        }
        return new EvalList(id, expr.elements.map((arg) => this.plan(arg)), optionals);
    }
    planCall(id, call) {
        // Check if the function is a qualified name.
        if (call.target !== undefined) {
            const qualName = toQualifiedName(call.target);
            if (qualName !== undefined) {
                const funcName = qualName + "." + call.function;
                for (const candidate of resolveCandidateNames(this.namespace, funcName)) {
                    const func = this.functions.find(candidate);
                    if (func !== undefined) {
                        return new EvalCall(id, candidate, "", undefined, func, call.args.map((arg) => this.plan(arg)));
                    }
                }
            }
        }
        let args = call.args.map((arg) => this.plan(arg));
        if (call.target) {
            args = [this.plan(call.target), ...args];
        }
        switch (call.function) {
            case INDEX:
                return this.planCallIndex(call, args, false);
            case OPT_INDEX:
            case OPT_SELECT:
                return this.planCallIndex(call, args, true);
            case CONDITIONAL:
                return this.planCallConditional(id, call, args);
            case LOGICAL_AND:
                return new EvalAnd(id, args);
            case LOGICAL_OR:
                return new EvalOr(id, args);
            case NOT_STRICTLY_FALSE:
            case OLD_NOT_STRICTLY_FALSE:
                return new EvalNotStrictlyFalse(id, args[0]);
            default:
                return new EvalCall(id, call.function, "", call.target ? args[0] : undefined, this.functions.find(call.function), call.target ? args.slice(1) : args);
        }
    }
    planCallConditional(id, _call, args) {
        const cond = args[0];
        const t = args[1];
        const f = args[2];
        const tAttr = this.relativeAttr(t.id, t, false);
        const fAttr = this.relativeAttr(f.id, f, false);
        return new EvalAttr(this.factory.createConditional(id, cond, tAttr, fAttr), false);
    }
    planCallIndex(_call, args, opt) {
        const op = args[0];
        const ind = args[1];
        const attr = this.relativeAttr(op.id, op, false);
        let acc;
        if (ind instanceof EvalConst) {
            acc = this.factory.newAccess(op.id, ind.value, opt);
        }
        else if (ind instanceof EvalAttr) {
            acc = this.factory.newAccess(op.id, ind, opt);
        }
        else {
            acc = this.relativeAttr(op.id, ind, opt);
        }
        attr.addAccess(acc);
        return attr;
    }
    constVal(val) {
        switch (val.constantKind.case) {
            case "stringValue":
                return val.constantKind.value;
            case "bytesValue":
                return val.constantKind.value;
            case "doubleValue":
                return val.constantKind.value;
            case "boolValue":
                return val.constantKind.value;
            case "int64Value":
                return val.constantKind.value;
            case "uint64Value":
                return (0,uint/* celUint */.f)(val.constantKind.value);
            case "nullValue":
                return null;
            case undefined:
                throw new Error("invalid constant");
            default:
                throw new Error(`unimplemented: ${val.constantKind.case}`);
        }
    }
    relativeAttr(id, e, opt) {
        if (e instanceof EvalAttr) {
            return e;
        }
        return new EvalAttr(this.factory.createRelative(id, e), opt);
    }
    resolveType(name) {
        for (const candidate of resolveCandidateNames(this.namespace, name)) {
            if (this.isKnownType(candidate)) {
                return candidate;
            }
        }
        return undefined;
    }
    isKnownType(name) {
        switch (name) {
            case "google.protobuf.Value":
            case "google.protobuf.Struct":
            case "google.protobuf.ListValue":
            case "google.protobuf.NullValue":
            case "google.protobuf.BoolValue":
            case "google.protobuf.UInt32Value":
            case "google.protobuf.UInt64Value":
            case "google.protobuf.Int32Value":
            case "google.protobuf.Int64Value":
            case "google.protobuf.FloatValue":
            case "google.protobuf.DoubleValue":
            case "google.protobuf.StringValue":
            case "google.protobuf.BytesValue":
            case "google.protobuf.Timestamp":
            case "google.protobuf.Duration":
            case "google.protobuf.Any":
                return true;
            default:
                return this.registry.getMessage(name) !== undefined;
        }
    }
}
class EvalHas {
    id;
    attr;
    access;
    field;
    constructor(id, attr, access, field) {
        this.id = id;
        this.attr = attr;
        this.access = access;
        this.field = field;
    }
    eval(ctx) {
        const raw = this.attr.resolve(ctx);
        if (raw === undefined) {
            return false;
        }
        if ((0,error/* isCelError */.Jr)(raw)) {
            return raw;
        }
        return this.access.isPresent(ctx, raw);
    }
}
class EvalErr {
    id;
    msg;
    constructor(id, msg) {
        this.id = id;
        this.msg = msg;
    }
    eval(_ctx) {
        return (0,error/* celError */.$U)(this.msg, this.id);
    }
}
class EvalConst {
    id;
    value;
    constructor(id, value) {
        this.id = id;
        this.value = value;
    }
    eval(_ctx) {
        return this.value;
    }
}
class EvalAttr {
    attr;
    opt;
    id;
    constructor(attr, opt) {
        this.attr = attr;
        this.opt = opt;
        this.id = attr.id;
    }
    access(vars, obj) {
        return this.attr.access(vars, obj);
    }
    isPresent(vars, obj) {
        return this.attr.isPresent(vars, obj);
    }
    accessIfPresent(vars, obj, presenceOnly) {
        return this.attr.accessIfPresent(vars, obj, presenceOnly);
    }
    isOptional() {
        return this.opt;
    }
    eval(ctx) {
        const val = this.attr.resolve(ctx);
        if (val === undefined) {
            return (0,error/* celError */.$U)("unresolved attribute", this.id);
        }
        if ((0,error/* isCelError */.Jr)(val)) {
            return val;
        }
        return val;
    }
    resolve(vars) {
        return this.attr.resolve(vars);
    }
    addAccess(acc) {
        this.attr.addAccess(acc);
    }
}
class EvalCall {
    id;
    name;
    overload;
    target;
    func;
    args;
    constructor(id, name, overload, target, func, args) {
        this.id = id;
        this.name = name;
        this.overload = overload;
        this.target = target;
        this.func = func;
        this.args = args;
    }
    eval(ctx) {
        if (this.func === undefined) {
            return (0,error/* celError */.$U)(`unbound function: ${this.name}`, this.id);
        }
        const target = this.target?.eval(ctx);
        if ((0,error/* isCelError */.Jr)(target)) {
            return target;
        }
        const vals = [];
        for (const arg of this.args) {
            const val = arg.eval(ctx);
            if ((0,error/* isCelError */.Jr)(val)) {
                return val;
            }
            vals.push(val);
        }
        const result = this.func.call(this.id, target, vals);
        if (result !== undefined) {
            return result;
        }
        return (0,error/* celError */.$U)(`found no matching overload for '${this.name}' applied to '${target !== undefined ? `${(0,type/* celType */.zO)(target)}.` : ""}(${vals
            .map((x) => (0,type/* celType */.zO)(x))
            .map((x) => x.name)
            .join(", ")})'`, this.id);
    }
}
class EvalObj {
    id;
    typeName;
    fields;
    values;
    optionals;
    constructor(id, typeName, fields, values, optionals) {
        this.id = id;
        this.typeName = typeName;
        this.fields = fields;
        this.values = values;
        this.optionals = optionals;
    }
    args() {
        return this.values;
    }
    eval(ctx) {
        const vals = coerceToValues(this.values.map((x) => x.eval(ctx)));
        if ((0,error/* isCelError */.Jr)(vals)) {
            return vals;
        }
        const obj = new Map();
        for (let i = 0; i < vals.length; i++) {
            if (obj.has(this.fields[i])) {
                return (0,error/* celError */.$U)(`map key conflict: ${this.fields[i]}`, this.id);
            }
            obj.set(this.fields[i], vals[i]);
        }
        try {
            return celObject(this.typeName, obj);
        }
        catch (ex) {
            if (ex instanceof Error) {
                ex = ex.message;
            }
            return (0,error/* celError */.$U)(`${ex}`, this.id);
        }
    }
}
class EvalList {
    id;
    elems;
    constructor(id, elems, _) {
        this.id = id;
        this.elems = elems;
    }
    eval(ctx) {
        if (this.elems.length === 0) {
            return esm_list/* EMPTY_LIST */.xF;
        }
        const first = this.elems[0].eval(ctx);
        if ((0,error/* isCelError */.Jr)(first)) {
            return first;
        }
        const elemVals = [first];
        for (let i = 1; i < this.elems.length; i++) {
            const elemVal = this.elems[i].eval(ctx);
            if ((0,error/* isCelError */.Jr)(elemVal)) {
                return elemVal;
            }
            elemVals.push(elemVal);
        }
        return (0,esm_list/* celList */.bC)(elemVals);
    }
    args() {
        return this.elems;
    }
}
class EvalMap {
    id;
    keys;
    values;
    constructor(id, keys, values, _) {
        this.id = id;
        this.keys = keys;
        this.values = values;
    }
    args() {
        return this.keys.concat(this.values);
    }
    eval(ctx) {
        if (this.keys.length === 0) {
            return esm_map/* EMPTY_MAP */.j4;
        }
        const entries = new Map();
        const firstKey = this.mapKeyOrError(this.keys[0].eval(ctx));
        if ((0,error/* isCelError */.Jr)(firstKey)) {
            return firstKey;
        }
        const firstVal = this.values[0].eval(ctx);
        if ((0,error/* isCelError */.Jr)(firstVal)) {
            return firstVal;
        }
        if (typeof firstKey === "number" && !Number.isInteger(firstKey)) {
            return unsupportedKeyType(this.id);
        }
        entries.set(firstKey, firstVal);
        for (let i = 1; i < this.keys.length; i++) {
            const key = this.mapKeyOrError(this.keys[i].eval(ctx));
            if ((0,error/* isCelError */.Jr)(key)) {
                return key;
            }
            const val = this.values[i].eval(ctx);
            if ((0,error/* isCelError */.Jr)(val)) {
                return val;
            }
            if (entries.has(key)) {
                return (0,error/* celError */.$U)(`map key conflict: ${key}`, this.id);
            }
            if (typeof key === "number" && !Number.isInteger(key)) {
                return unsupportedKeyType(this.id);
            }
            entries.set(key, val);
        }
        return (0,esm_map/* celMap */.$I)(entries);
    }
    mapKeyOrError(key) {
        switch (typeof key) {
            case "boolean":
            case "bigint":
            case "string":
                return key;
            case "object":
                if ((0,uint/* isCelUint */.p)(key)) {
                    return key;
                }
                return unsupportedKeyType(this.id);
            case "number":
                if (Number.isInteger(key)) {
                    return BigInt(key);
                }
                return unsupportedKeyType(this.id);
            default:
                return unsupportedKeyType(this.id);
        }
    }
}
class EvalFold {
    id;
    accuVar;
    iterVar;
    iterRange;
    accu;
    cond;
    step;
    result;
    constructor(id, accuVar, iterVar, iterRange, accu, cond, step, result) {
        this.id = id;
        this.accuVar = accuVar;
        this.iterVar = iterVar;
        this.iterRange = iterRange;
        this.accu = accu;
        this.cond = cond;
        this.step = step;
        this.result = result;
    }
    eval(ctx) {
        const accuInit = this.accu.eval(ctx);
        if ((0,error/* isCelError */.Jr)(accuInit)) {
            return accuInit;
        }
        const accuCtx = new VarActivation(this.accuVar, accuInit, ctx);
        const iterRange = this.iterRange.eval(ctx);
        if ((0,error/* isCelError */.Jr)(iterRange)) {
            return iterRange;
        }
        let items = [];
        if ((0,esm_map/* isCelMap */.hV)(iterRange)) {
            items = Array.from(iterRange.keys());
        }
        else if ((0,esm_list/* isCelList */.B9)(iterRange)) {
            items = Array.from(iterRange);
        }
        else {
            return (0,error/* celError */.$U)(`type mismatch: iterable vs ${(0,type/* celType */.zO)(iterRange)}`, this.id);
        }
        // Fold the items.
        for (const item of items) {
            if ((0,error/* isCelError */.Jr)(item)) {
                return item;
            }
            const iterCtx = new VarActivation(this.iterVar, item, accuCtx);
            const cond = this.cond.eval(iterCtx);
            if ((0,error/* isCelError */.Jr)(cond)) {
                return cond;
            }
            if (cond !== true) {
                break;
            }
            // Update the result.
            accuCtx.value = this.step.eval(iterCtx);
        }
        // Compute the result
        return this.result.eval(accuCtx);
    }
}
class EvalAnd {
    id;
    args;
    constructor(id, args) {
        this.id = id;
        this.args = args;
    }
    eval(ctx) {
        const errors = [];
        for (const arg of this.args) {
            const val = arg.eval(ctx);
            if (typeof val === "boolean") {
                // Short-circuit
                if (!val)
                    return false;
                continue;
            }
            if ((0,error/* isCelError */.Jr)(val)) {
                errors.push(val);
            }
            else {
                errors.push((0,error/* celError */.$U)(`type mismatch: expected bool, got ${(0,type/* celType */.zO)(val)}`, this.id));
            }
        }
        if (errors.length > 0) {
            return (0,error/* celErrorMerge */.xk)(errors[0], ...errors.slice(1));
        }
        return true;
    }
}
class EvalOr {
    id;
    args;
    constructor(id, args) {
        this.id = id;
        this.args = args;
    }
    eval(ctx) {
        const errors = [];
        for (const arg of this.args) {
            const val = arg.eval(ctx);
            if (typeof val === "boolean") {
                // Short-circuit
                if (val)
                    return true;
                continue;
            }
            if ((0,error/* isCelError */.Jr)(val)) {
                errors.push(val);
            }
            else {
                errors.push((0,error/* celError */.$U)(`type mismatch: expected bool, got ${(0,type/* celType */.zO)(val)}`, this.id));
            }
        }
        if (errors.length > 0) {
            return (0,error/* celErrorMerge */.xk)(errors[0], ...errors.slice(1));
        }
        return false;
    }
}
class EvalNotStrictlyFalse {
    id;
    arg;
    constructor(id, arg) {
        this.id = id;
        this.arg = arg;
    }
    /**
     * This is not in the spec but is part of at least go,java, and cpp implementations.
     *
     * It should return true for anything exept for the literal `false`.
     */
    eval(ctx) {
        return this.arg.eval(ctx) !== false;
    }
}
function toQualifiedName(expr) {
    switch (expr.exprKind.case) {
        case "identExpr":
            return expr.exprKind.value.name;
        case "selectExpr": {
            if (expr.exprKind.value.testOnly ||
                expr.exprKind.value.operand === undefined) {
                return undefined;
            }
            const parent = toQualifiedName(expr.exprKind.value.operand);
            if (parent === undefined) {
                return undefined;
            }
            return parent + "." + expr.exprKind.value.field;
        }
        default:
            return undefined;
    }
}
function unsupportedKeyType(id) {
    return (0,error/* celError */.$U)(`unsupported key type`, id);
}
function coerceToValues(args) {
    const errors = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if ((0,error/* isCelError */.Jr)(arg)) {
            errors.push(arg);
        }
    }
    if (errors.length > 0) {
        return (0,error/* celErrorMerge */.xk)(errors[0], ...errors.slice(1));
    }
    return args;
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/plan.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.








const cache = new WeakMap();
/**
 * Creates an execution plan for a CEL expression and returns a reusable evaluation function.
 *
 * Planning analyzes the expression structure once, independent of runtime variable values.
 * The returned function can be called multiple times with different variable bindings.
 */
function plan(env, expr) {
    // TODO(srikrsna): This can be avoided, if we refactor Planner into functions that use CelEnv directly.
    let planner = cache.get(env);
    if (planner === undefined) {
        planner = new Planner(env.funcs, env.registry, env.namespace);
        cache.set(env, planner);
    }
    let maybeExpr;
    if ((0,is_message/* isMessage */.K)(expr, CheckedExprSchema)) {
        maybeExpr = expr.expr;
    }
    else if ((0,is_message/* isMessage */.K)(expr, ParsedExprSchema)) {
        maybeExpr = expr.expr;
    }
    else {
        maybeExpr = expr;
    }
    const plan = planner.plan(maybeExpr ?? (0,create/* create */.v)(ExprSchema));
    const withContext = (0,esm_eval/* withEvalContext */.sg)({ registry: env.registry }, {
        id: plan.id,
        eval(ctx) {
            try {
                let val = plan.eval(ctx);
                if ((0,error/* isCelError */.Jr)(val)) {
                    return val;
                }
                return (0,esm_value/* unwrapAny */.sn)(val);
            }
            catch (ex) {
                return (0,error/* celError */.$U)(ex, plan.id);
            }
        },
    });
    return (ctx) => {
        return withContext.eval(ctx !== undefined ? new ObjectActivation(ctx) : EMPTY_ACTIVATION);
    };
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/run.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.




/**
 * Convenience function that parses, plans, and executes a CEL expression in one call.
 * run() always returns a CelValue or a CelError and never throws exceptions. Use
 * isCelError() to distinguish the two cases.
 *
 * This is the simplest way to evaluate a CEL expression, but for better performance
 * and reusability, consider using parse(), plan(), and execution separately.
 */
function run(expr, bindings, envOptions) {
    try {
        return plan(celEnv(envOptions), parse_parse(expr))(bindings);
    }
    catch (e) {
        return (0,error/* celError */.$U)(e);
    }
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/unparse.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

/**
 * Converts a parsed CEL expression back to its string representation.
 *
 * If sourceInfo with macroCalls is provided, macro expressions like
 * exists(), all(), map(), filter(), has() are reconstructed from their
 * original form rather than their expanded comprehension form.
 */
function unparse(parsed) {
    let expr;
    let sourceInfo;
    if (parsed.$typeName == "cel.expr.Expr") {
        expr = parsed;
    }
    else {
        expr = parsed.expr;
        sourceInfo = parsed.sourceInfo;
    }
    if (expr == undefined) {
        return "";
    }
    const un = new Unparser(sourceInfo);
    un.visit(expr);
    return un.toString();
}
// precedence, matching cel-go
const precedence = {
    [CONDITIONAL]: 1,
    [LOGICAL_OR]: 2,
    [LOGICAL_AND]: 3,
    [EQUALS]: 4,
    [NOT_EQUALS]: 4,
    [LESS]: 4,
    [LESS_EQUALS]: 4,
    [GREATER]: 4,
    [GREATER_EQUALS]: 4,
    [IN]: 4,
    [ADD]: 5,
    [SUBTRACT]: 5,
    [MULTIPLY]: 6,
    [DIVIDE]: 6,
    [MODULO]: 6,
    [NEGATE]: 7,
    [LOGICAL_NOT]: 7,
    [INDEX]: 8,
};
// operators where same-precedence RHS doesn't need parens (right-associative)
const rightAssociative = new Set([LOGICAL_AND, LOGICAL_OR]);
// reverse lookup from mangled operator names to their symbols
const binaryOperators = {
    [ADD]: "+",
    [SUBTRACT]: "-",
    [MULTIPLY]: "*",
    [DIVIDE]: "/",
    [MODULO]: "%",
    [EQUALS]: "==",
    [NOT_EQUALS]: "!=",
    [LESS]: "<",
    [LESS_EQUALS]: "<=",
    [GREATER]: ">",
    [GREATER_EQUALS]: ">=",
    [LOGICAL_AND]: "&&",
    [LOGICAL_OR]: "||",
    [IN]: "in",
};
// operators that need parens as the operand of ".", "[]" or ".f()"
function isOperatorExpr(expr) {
    if (expr.exprKind.case !== "callExpr") {
        return false;
    }
    const call = expr.exprKind.value;
    switch (call.args.length) {
        case 1:
            return call.function === NEGATE || call.function === LOGICAL_NOT;
        case 2:
            return binaryOperators[call.function] !== undefined;
        case 3:
            return call.function === CONDITIONAL;
        default:
            return false;
    }
}
class Unparser {
    sourceInfo;
    str = "";
    constructor(sourceInfo) {
        this.sourceInfo = sourceInfo;
    }
    toString() {
        return this.str;
    }
    visit(expr) {
        if (this.visitMaybeMacroCall(expr)) {
            return;
        }
        switch (expr.exprKind.case) {
            case "constExpr":
                this.visitConst(expr.exprKind.value);
                break;
            case "identExpr":
                this.str += expr.exprKind.value.name;
                break;
            case "selectExpr":
                this.visitSelect(expr.exprKind.value);
                break;
            case "callExpr":
                this.visitCall(expr.exprKind.value);
                break;
            case "listExpr":
                this.visitList(expr.exprKind.value);
                break;
            case "structExpr":
                this.visitStruct(expr.exprKind.value);
                break;
            case "comprehensionExpr":
                this.visitComprehension(expr.exprKind.value);
                break;
        }
    }
    visitMaybeMacroCall(expr) {
        if (this.sourceInfo == undefined) {
            return false;
        }
        const macroCall = this.sourceInfo.macroCalls[expr.id.toString()];
        if (macroCall == undefined) {
            return false;
        }
        this.visit(macroCall);
        return true;
    }
    visitConst(c) {
        const kind = c.constantKind;
        switch (kind.case) {
            case "nullValue":
                this.str += "null";
                break;
            case "boolValue":
                this.str += kind.value ? "true" : "false";
                break;
            case "int64Value":
                this.str += kind.value.toString();
                break;
            case "uint64Value":
                this.str += kind.value.toString() + "u";
                break;
            case "doubleValue": {
                let s = (Object.is(kind.value, -0) ? "-" : "") + kind.value.toString();
                if (Number.isFinite(kind.value) &&
                    !s.includes(".") &&
                    !s.includes("e")) {
                    s += ".0";
                }
                this.str += s;
                break;
            }
            case "stringValue":
                this.str += '"' + escapeString(kind.value) + '"';
                break;
            case "bytesValue":
                this.str += 'b"' + escapeBytes(kind.value) + '"';
                break;
        }
    }
    visitSelect(sel) {
        if (sel.testOnly) {
            this.str += "has(";
        }
        if (sel.operand != undefined) {
            this.visitMaybeNested(sel.operand, isOperatorExpr(sel.operand));
            this.str += ".";
        }
        this.str += sel.field;
        if (sel.testOnly) {
            this.str += ")";
        }
    }
    visitCall(call) {
        const fn = call.function;
        // ternary
        if (fn === CONDITIONAL && call.args.length === 3) {
            this.visitMaybeNested(call.args[0], true);
            this.str += " ? ";
            this.visitMaybeNested(call.args[1], true);
            this.str += " : ";
            this.visit(call.args[2]);
            return;
        }
        // index operator
        if (fn === INDEX && call.args.length === 2) {
            this.visitMaybeNested(call.args[0], isOperatorExpr(call.args[0]));
            this.str += "[";
            this.visit(call.args[1]);
            this.str += "]";
            return;
        }
        // binary operators
        const binOp = binaryOperators[fn];
        if (binOp !== undefined && call.args.length === 2) {
            const lhs = call.args[0];
            const rhs = call.args[1];
            this.visitMaybeNestedBinaryLHS(lhs, fn);
            this.str += " " + binOp + " ";
            this.visitMaybeNestedBinaryRHS(rhs, fn);
            return;
        }
        // unary operators
        if (fn === LOGICAL_NOT && call.args.length === 1) {
            this.str += "!";
            this.visitMaybeNested(call.args[0], true);
            return;
        }
        if (fn === NEGATE && call.args.length === 1) {
            this.str += "-";
            this.visitMaybeNested(call.args[0], true);
            return;
        }
        // member function call: target.func(args)
        if (call.target != undefined) {
            this.visitMaybeNested(call.target, isOperatorExpr(call.target));
            this.str += "." + fn + "(";
            for (let i = 0; i < call.args.length; i++) {
                if (i > 0)
                    this.str += ", ";
                this.visit(call.args[i]);
            }
            this.str += ")";
            return;
        }
        // global function call: func(args)
        this.str += fn + "(";
        for (let i = 0; i < call.args.length; i++) {
            if (i > 0)
                this.str += ", ";
            this.visit(call.args[i]);
        }
        this.str += ")";
    }
    visitList(list) {
        this.str += "[";
        for (let i = 0; i < list.elements.length; i++) {
            if (i > 0)
                this.str += ", ";
            if (list.optionalIndices.includes(i)) {
                this.str += "?";
            }
            this.visit(list.elements[i]);
        }
        this.str += "]";
    }
    visitStruct(struct) {
        if (struct.messageName !== "") {
            // message construction
            this.str += struct.messageName + "{";
            for (let i = 0; i < struct.entries.length; i++) {
                if (i > 0)
                    this.str += ", ";
                const entry = struct.entries[i];
                if (entry.optionalEntry) {
                    this.str += "?";
                }
                if (entry.keyKind.case === "fieldKey") {
                    this.str += entry.keyKind.value;
                }
                this.str += ": ";
                if (entry.value != undefined) {
                    this.visit(entry.value);
                }
            }
            this.str += "}";
        }
        else {
            // map literal
            this.str += "{";
            for (let i = 0; i < struct.entries.length; i++) {
                if (i > 0)
                    this.str += ", ";
                const entry = struct.entries[i];
                if (entry.optionalEntry) {
                    this.str += "?";
                }
                if (entry.keyKind.case === "mapKey" &&
                    entry.keyKind.value != undefined) {
                    this.visit(entry.keyKind.value);
                }
                this.str += ": ";
                if (entry.value != undefined) {
                    this.visit(entry.value);
                }
            }
            this.str += "}";
        }
    }
    visitComprehension(_comp) {
        throw new Error("unsupported expression: comprehension");
    }
    visitMaybeNested(expr, nested) {
        if (nested) {
            const isComplex = expr.exprKind.case === "callExpr" &&
                (precedence[expr.exprKind.value.function] !== undefined ||
                    expr.exprKind.value.function === CONDITIONAL);
            if (isComplex) {
                this.str += "(";
                this.visit(expr);
                this.str += ")";
                return;
            }
        }
        this.visit(expr);
    }
    visitMaybeNestedBinaryLHS(expr, parentOp) {
        if (this.needsParensLHS(expr, parentOp)) {
            this.str += "(";
            this.visit(expr);
            this.str += ")";
        }
        else {
            this.visit(expr);
        }
    }
    visitMaybeNestedBinaryRHS(expr, parentOp) {
        if (this.needsParensRHS(expr, parentOp)) {
            this.str += "(";
            this.visit(expr);
            this.str += ")";
        }
        else {
            this.visit(expr);
        }
    }
    needsParensLHS(expr, parentOp) {
        if (expr.exprKind.case !== "callExpr")
            return false;
        const childOp = expr.exprKind.value.function;
        const childPrec = precedence[childOp];
        const parentPrec = precedence[parentOp];
        if (childPrec == undefined || parentPrec == undefined)
            return false;
        return childPrec < parentPrec;
    }
    needsParensRHS(expr, parentOp) {
        if (expr.exprKind.case !== "callExpr")
            return false;
        const childOp = expr.exprKind.value.function;
        const childPrec = precedence[childOp];
        const parentPrec = precedence[parentOp];
        if (childPrec == undefined || parentPrec == undefined)
            return false;
        if (childPrec < parentPrec)
            return true;
        // same precedence: need parens on RHS if the operator is left-associative
        if (childPrec === parentPrec && !rightAssociative.has(parentOp)) {
            return true;
        }
        return false;
    }
}
function escapeChar(ch) {
    switch (ch) {
        case "\\":
            return "\\\\";
        case '"':
            return '\\"';
        case "\x07":
            return "\\a";
        case "\b":
            return "\\b";
        case "\f":
            return "\\f";
        case "\n":
            return "\\n";
        case "\r":
            return "\\r";
        case "\t":
            return "\\t";
        case "\v":
            return "\\v";
        default:
            return ch;
    }
}
function escapeString(s) {
    return [...s].map(escapeChar).join("");
}
function escapeBytes(bytes) {
    let result = "";
    for (const b of bytes) {
        if (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c) {
            result += String.fromCharCode(b);
        }
        else {
            result += "\\" + b.toString(8).padStart(3, "0");
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./node_modules/@bufbuild/cel/dist/esm/index.js
// Copyright 2024-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.














/***/ })

};
