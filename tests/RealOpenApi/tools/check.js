#!/usr/bin/env node
// Checks the documents of tests/RealOpenApi: validates each with @apidevtools/swagger-parser, counts its
// operations, and checks every JSON response example against its response schema with Ajv. Writes
// <slug>/examples.json next to each document and prints one summary line (JSON) per document.
//
// Usage: node check.js [corpus-dir] [--no-write] [--only slug,slug]
// Not used by the C# tests; see ../README.md.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const YAML = require('yaml');
const SwaggerParser = require('@apidevtools/swagger-parser');
const Ajv = require('ajv').default;
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const args = process.argv.slice(2);
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? new Set(args[onlyIdx + 1].split(',')) : null;
const positional = args.filter((a, i) => !a.startsWith('--') && (onlyIdx < 0 || i !== onlyIdx + 1));
const corpus = path.resolve(positional[0] || path.join(__dirname, '..'));
const write = !args.includes('--no-write');

// ---------- JSON pointers ----------
const esc = s => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const ptr = segs => segs.map(s => '/' + esc(s)).join('');
// A pointer that starts with '#' is a URI fragment (a `$ref`), percent-decoded; any other is a plain JSON pointer.
function get(doc, pointer) {
  if (pointer === '' || pointer === '#') return doc;
  const fragment = pointer.startsWith('#');
  const p = fragment ? pointer.slice(1) : pointer;
  let cur = doc;
  for (const raw of p.split('/').slice(1)) {
    const k = (fragment ? decodeURIComponent(raw) : raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}
const segsOf = pointer => pointer.replace(/^#/, '').split('/').slice(1)
  .map(raw => decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~'));

// Follows local $refs of a non-schema object (response, example); returns [object, segments of where it lives].
function follow(doc, obj, segs) {
  const seen = new Set();
  while (obj && typeof obj === 'object' && typeof obj.$ref === 'string' && obj.$ref.startsWith('#')) {
    if (seen.has(obj.$ref)) throw new Error('circular $ref ' + obj.$ref);
    seen.add(obj.$ref);
    segs = segsOf(obj.$ref);
    obj = get(doc, obj.$ref);
  }
  return [obj, segs];
}

// ---------- OpenAPI schema -> JSON Schema (for Ajv) ----------
// Applied to a deep copy of the whole document, only at schema positions.
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SCHEMA_ONE = ['additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'contentSchema'];
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

function convertSchema(s, ctx) {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return s;
  // annotations only; removed so that Ajv does not look for `$id`s inside example values
  for (const k of Object.keys(s)) if (k === 'example' || k === 'examples' || (k.startsWith('x-') && k !== 'x-nullable')) delete s[k];
  for (const k of SCHEMA_MAPS) if (s[k] && typeof s[k] === 'object') for (const n of Object.keys(s[k])) s[k][n] = convertSchema(s[k][n], ctx);
  for (const k of SCHEMA_ONE) if (s[k] && typeof s[k] === 'object') s[k] = convertSchema(s[k], ctx);
  for (const k of SCHEMA_LIST) if (Array.isArray(s[k])) s[k] = s[k].map(x => convertSchema(x, ctx));
  if (Array.isArray(s.items)) s.items = s.items.map(x => convertSchema(x, ctx));
  else if (s.items && typeof s.items === 'object') s.items = convertSchema(s.items, ctx);

  // Malformed keywords that Ajv cannot compile are dropped (counted).
  if ('required' in s && !(Array.isArray(s.required) && s.required.every(x => typeof x === 'string'))) { delete s.required; ctx.fixes.add('non-array required dropped'); }
  if (typeof s.type === 'string' && !JSON_TYPES.has(s.type)) { ctx.fixes.add(`type "${s.type}" dropped`); delete s.type; }
  if (Array.isArray(s.type) && s.type.some(t => !JSON_TYPES.has(t))) { s.type = s.type.filter(t => JSON_TYPES.has(t)); ctx.fixes.add('unknown types dropped'); }
  if (s.enum !== undefined && !Array.isArray(s.enum)) { delete s.enum; ctx.fixes.add('non-array enum dropped'); }
  if (s.pattern !== undefined) { try { new RegExp(s.pattern, 'u'); } catch { delete s.pattern; ctx.fixes.add('pattern not an ECMAScript regex dropped'); } }

  if (ctx.version !== '3.1') {
    // draft-04 style boolean exclusiveMinimum/exclusiveMaximum
    for (const [ex, lim] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']]) {
      if (typeof s[ex] === 'boolean') {
        if (s[ex] && typeof s[lim] === 'number') { s[ex] = s[lim]; delete s[lim]; } else delete s[ex];
      }
    }
    // OpenAPI 3.0 `nullable: true` / Swagger 2.0 `x-nullable: true`: null is allowed too.
    const nullable = ctx.version === '3.0' ? s.nullable === true : s['x-nullable'] === true;
    delete s.nullable;
    delete s['x-nullable'];
    if (nullable) s = allowNull(s);
  } else {
    // not a keyword of OpenAPI 3.1 / JSON Schema 2020-12; Ajv would otherwise interpret it
    if ('nullable' in s) { ctx.fixes.add('nullable ignored (not a 3.1 keyword)'); delete s.nullable; }
  }
  if (ctx.version === '2.0' && typeof s.discriminator === 'string') delete s.discriminator;
  if (s.discriminator && typeof s.discriminator === 'object') s = applyDiscriminator(s, ctx);
  return s;
}

function allowNull(s) {
  if (s.type !== undefined) {
    const t = Array.isArray(s.type) ? s.type : [s.type];
    if (!t.includes('null')) s.type = [...t, 'null'];
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    return s;
  }
  return { anyOf: [{ type: 'null' }, s] };
}

// OpenAPI discriminator: the property value chooses the branch of oneOf/anyOf (mapping, or the schema name of a
// $ref). Rewritten as: anyOf the branches, and if the property names a known branch, that branch must match.
function applyDiscriminator(s, ctx) {
  const d = s.discriminator;
  delete s.discriminator;
  const list = s.oneOf || s.anyOf;
  if (!list || typeof d.propertyName !== 'string') return s;
  const branches = new Map();
  for (const b of list) if (b && typeof b.$ref === 'string') branches.set(b.$ref.split('/').pop(), b.$ref);
  if (d.mapping) for (const [v, r] of Object.entries(d.mapping)) branches.set(v, r.includes('/') || r.startsWith('#') ? r : '#/components/schemas/' + r);
  const pn = d.propertyName;
  const rules = [...branches].map(([v, r]) => ({ if: { properties: { [pn]: { const: v } }, required: [pn] }, then: { $ref: r } }));
  if (s.oneOf) { s.anyOf = s.oneOf; delete s.oneOf; }
  if (rules.length) s.allOf = [...(s.allOf || []), ...rules];
  ctx.fixes.add('discriminator applied');
  return s;
}

// Walks the document (not its schemas) and converts every schema it reaches.
function convertDocument(doc, ctx) {
  const walk = (o, segs) => {
    if (!o || typeof o !== 'object') return;
    for (const k of Object.keys(o)) {
      if (k.startsWith('x-') || k === 'example' || k === 'examples' || k === 'value') { delete o[k]; continue; }
      const v = o[k];
      const here = [...segs, k];
      const isSchemaMap = (segs.length === 1 && segs[0] === 'definitions' && ctx.version === '2.0')
        || (segs.length === 2 && segs[0] === 'components' && segs[1] === 'schemas');
      if (isSchemaMap || (k === 'schema' && v && typeof v === 'object')) o[k] = convertSchema(v, ctx);
      else walk(v, here);
    }
  };
  walk(doc, []);
  return doc;
}

// ---------- examples ----------
const isJson = mt => /json/i.test(mt);

function collectExamples(doc, version) {
  // One entry per (example, schema) pair: an example reached from several operations through the same schema
  // (a shared response, or a shared example with a `$ref` to the same schema) is listed once, with the first
  // operation; one shared by different schemas is listed once for each schema.
  const out = new Map();
  const paths = doc.paths || {};
  for (const [p, item0] of Object.entries(paths)) {
    const [item] = follow(doc, item0, ['paths', p]);
    if (!item || typeof item !== 'object') continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!op || !op.responses) continue;
      for (const [code, r0] of Object.entries(op.responses)) {
        if (code.startsWith('x-')) continue;
        const [resp, rsegs] = follow(doc, r0, ['paths', p, m, 'responses', code]);
        if (!resp || typeof resp !== 'object') continue;
        const add = (valueSegs, schemaSegs, mediaType) => {
          const pointer = ptr(valueSegs);
          // a schema that is only a `$ref` is given as the schema it refers to
          const schemaPointer = schemaSegs && ptr(follow(doc, get(doc, ptr(schemaSegs)), schemaSegs)[1]);
          const key = pointer + ' ' + schemaPointer;
          if (!out.has(key)) out.set(key, { pointer, status: code, mediaType, operation: `${m.toUpperCase()} ${p}`, schemaPointer });
        };
        if (version === '2.0') {
          for (const mt of Object.keys(resp.examples || {})) {
            if (isJson(mt)) add([...rsegs, 'examples', mt], resp.schema ? [...rsegs, 'schema'] : null, mt);
          }
        } else {
          for (const [mt, media] of Object.entries(resp.content || {})) {
            if (!isJson(mt) || !media) continue;
            const schemaSegs = media.schema ? [...rsegs, 'content', mt, 'schema'] : null;
            if ('example' in media) add([...rsegs, 'content', mt, 'example'], schemaSegs, mt);
            for (const [name, e0] of Object.entries(media.examples || {})) {
              const [ex, esegs] = follow(doc, e0, [...rsegs, 'content', mt, 'examples', name]);
              if (ex && typeof ex === 'object' && 'value' in ex) add([...esegs, 'value'], schemaSegs, mt);
            }
          }
        }
      }
    }
  }
  return [...out.values()];
}

function countOperations(doc) {
  let n = 0;
  for (const [p, item0] of Object.entries(doc.paths || {})) {
    const [item] = follow(doc, item0, ['paths', p]);
    if (item && typeof item === 'object') for (const m of METHODS) if (item[m]) n++;
  }
  return n;
}

// ---------- features (for the README) ----------
function features(doc, version) {
  const f = { security: new Set(), params: new Set(), keywords: new Set() };
  const schemes = version === '2.0' ? doc.securityDefinitions : doc.components && doc.components.securitySchemes;
  for (const sc of Object.values(schemes || {})) {
    if (!sc || typeof sc !== 'object') continue;
    if (sc.type === 'http') f.security.add('http-' + String(sc.scheme).toLowerCase());
    else if (sc.type === 'basic') f.security.add('http-basic');
    else if (sc.type === 'apiKey') f.security.add('apiKey-' + sc.in);
    else f.security.add(sc.type);
  }
  const servers = version === '2.0' ? (doc.host ? (doc.schemes || ['https']).length : 0) : (doc.servers || []).length;
  const walk = (o, key) => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) { o.forEach(x => walk(x)); return; }
    if (typeof o.in === 'string' && typeof o.name === 'string') f.params.add(o.in);
    for (const k of ['oneOf', 'anyOf', 'allOf', 'discriminator', 'enum', 'nullable', 'x-nullable', 'const']) if (k in o && key !== 'properties') f.keywords.add(k === 'x-nullable' ? 'nullable' : k);
    if (Array.isArray(o.type) && o.type.includes('null') && key !== 'properties') f.keywords.add('nullable');
    for (const [k, v] of Object.entries(o)) if (k !== 'example' && k !== 'examples' && k !== 'value' && !k.startsWith('x-')) walk(v, k);
  };
  walk(doc);
  return { security: [...f.security].sort(), servers, params: [...f.params].sort(), keywords: [...f.keywords].sort(),
    webhooks: doc.webhooks ? Object.keys(doc.webhooks).length : 0 };
}

// ---------- per document ----------
function readDocument(file) {
  let text = fs.readFileSync(file);
  if (file.endsWith('.gz')) text = zlib.gunzipSync(text);
  text = text.toString('utf8');
  if (/\.json(\.gz)?$/.test(file)) return JSON.parse(text);
  // YAML 1.2 core schema (no timestamps, no merge keys); `yaml` rather than js-yaml 5, which refuses
  // flow mappings whose closing brace is less indented than their key (Docker's description has them).
  const d = YAML.parseDocument(text, { uniqueKeys: true, maxAliasCount: -1 });
  if (d.errors.length) throw new Error('YAML: ' + d.errors[0].message);
  return d.toJS({ maxAliasCount: -1 });
}

async function checkDocument(file) {
  const doc = readDocument(file);
  const version = doc.swagger ? '2.0' : String(doc.openapi).startsWith('3.1') ? '3.1' : '3.0';
  const result = { file: path.relative(corpus, file), version: doc.swagger || doc.openapi, sizeKB: Math.round(fs.statSync(file).size / 1024), operations: countOperations(doc) };

  try { await SwaggerParser.validate(structuredClone(doc)); result.swaggerParser = 'valid'; }
  catch (e) { result.swaggerParser = String(e.message).split('\n').slice(0, 3).join(' '); }

  const examples = collectExamples(doc, version);
  const ctx = { version, fixes: new Set() };
  const converted = convertDocument(structuredClone(doc), ctx);
  // Two Ajv instances: one checks formats (ajv-formats), the other does not, to tell format-only failures apart.
  const AjvClass = version === '3.1' ? Ajv2020 : Ajv;
  const options = { strict: false, allErrors: false, validateSchema: false, logger: false, discriminator: false, unicodeRegExp: true };
  const ajv = new AjvClass(options);
  addFormats(ajv);
  ajv.addSchema(converted, 'doc.json');
  const ajvNoFormats = new AjvClass({ ...options, validateFormats: false });
  ajvNoFormats.addSchema(converted, 'doc.json');
  const refTo = schemaPointer => ({ $ref: 'doc.json#' + schemaPointer.split('/').map(encodeURIComponent).join('/').replace(/%7E/g, '~') });
  const describe = e => `Ajv: ${e.instancePath || '/'} ${e.message}${e.params && e.params.additionalProperty ? ` '${e.params.additionalProperty}'` : ''}${e.params && e.params.allowedValues ? ' ' + JSON.stringify(e.params.allowedValues).slice(0, 120) : ''} (schema ${e.schemaPath.replace(/^doc\.json/, '').slice(0, 200)})`;
  // The most telling error: the deepest in the instance, not the `null` branch of a nullable, not a combinator's own.
  const best = errors => [...errors].sort((a, b) => rank(b) - rank(a))[0];
  const rank = e => e.instancePath.split('/').length * 10
    - (['anyOf', 'oneOf', 'if', 'allOf'].includes(e.keyword) ? 5 : 0)
    - (e.keyword === 'type' && e.params && e.params.type === 'null' ? 3 : 0);
  for (const ex of examples) {
    const value = get(doc, ex.pointer);
    if (!ex.schemaPointer) { ex.valid = true; ex.reason = 'no schema'; continue; }
    try {
      const validate = ajv.compile(refTo(ex.schemaPointer));
      ex.valid = validate(value);
      if (!ex.valid) {
        const withoutFormats = ajvNoFormats.compile(refTo(ex.schemaPointer));
        if (withoutFormats(value)) { ex.formatOnly = true; ex.reason = describe(best(validate.errors)); }
        else ex.reason = describe(best(withoutFormats.errors));   // a failure other than a format comes first
        // A string holding JSON text, where the schema wants the value itself: check the parsed value too.
        if (typeof value === 'string') {
          let parsed;
          try { parsed = JSON.parse(value); } catch { parsed = undefined; }
          if (parsed !== undefined && typeof parsed === 'object') {
            ex.stringEncodedJson = true;
            ex.parsedValid = validate(parsed);
            if (!ex.parsedValid) ex.parsedReason = describe(best(validate.errors));
          }
        }
      }
    } catch (e) {
      ex.valid = false;
      ex.reason = 'schema could not be compiled: ' + String(e.message).slice(0, 200);
    }
  }
  result.examples = examples.map(({ pointer, status, mediaType, operation, schemaPointer, valid, reason, formatOnly, stringEncodedJson, parsedValid, parsedReason }) => {
    const o = { pointer, status, mediaType, operation, schema: schemaPointer || null, valid };
    if (reason) o.reason = reason;
    if (formatOnly) o.formatOnly = true;
    if (stringEncodedJson) Object.assign(o, { stringEncodedJson, parsedValid }, parsedReason ? { parsedReason } : {});
    return o;
  });
  result.features = features(doc, version);
  result.valid = result.examples.filter(e => e.valid).length;
  result.total = result.examples.length;
  result.fixes = [...ctx.fixes];
  return result;
}

(async () => {
  const folders = fs.readdirSync(corpus, { withFileTypes: true }).filter(d => d.isDirectory() && d.name !== 'tools' && d.name !== 'node_modules').map(d => d.name).sort();
  for (const slug of folders) {
    if (only && !only.has(slug)) continue;
    const dir = path.join(corpus, slug);
    const file = fs.readdirSync(dir).find(f => /\.openapi\.(json|ya?ml)(\.gz)?$/.test(f));
    if (!file) continue;
    const r = await checkDocument(path.join(dir, file));
    if (write && !file.endsWith('.gz')) fs.writeFileSync(path.join(dir, 'examples.json'), JSON.stringify({ examples: r.examples }, null, 2) + '\n');
    const invalid = r.examples.filter(e => !e.valid).map(e => `${e.pointer}: ${e.reason}`);
    console.log(JSON.stringify({ slug, version: r.version, file: r.file, sizeKB: r.sizeKB, operations: r.operations, swaggerParser: r.swaggerParser, examples: `${r.valid}/${r.total}`, formatOnly: r.examples.filter(e => e.formatOnly).length, stringEncoded: r.examples.filter(e => e.stringEncodedJson).length, stringEncodedValid: r.examples.filter(e => e.parsedValid).length, features: r.features, fixes: r.fixes, invalid: invalid.slice(0, 5), invalidCount: invalid.length }));
  }
})().catch(e => { console.error(e); process.exit(1); });
