// Properties an answer carries that its schema does not declare. Response schemas are open on
// purpose (vendors add fields without notice), so these are not violations: they are listed as notes,
// the first sign that a vendor's API is moving.
import { followRef, jsonPointer } from './bundled-document.js';

interface SchemaNode {
  $ref?: string;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode | boolean;
  prefixItems?: SchemaNode[];
}

/** The schema with `$ref`s followed and allOf/anyOf/oneOf flattened: every node that may apply. */
function expand(document: object, node: unknown, seen = new Set<unknown>()): SchemaNode[] {
  if (typeof node !== 'object' || node === null || seen.has(node)) return [];
  seen.add(node);
  const schema = node as SchemaNode;
  const referenced = schema.$ref ? expand(document, followRef(document, schema.$ref), seen) : [];
  const combined = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((sub) =>
    expand(document, sub, seen),
  );
  return [schema, ...referenced, ...combined];
}

/** JSON pointers of the properties in `value` that none of the schemas that may apply declares. */
export function undeclaredProperties(document: object, schema: unknown, value: unknown): string[] {
  const found: string[] = [];
  walk(document, expand(document, schema), value, [], found);
  return found;
}

function walk(document: object, schemas: SchemaNode[], value: unknown, tokens: (string | number)[], found: string[]) {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemSchemas = schemas.flatMap((s) => {
        const positional = s.prefixItems?.[index];
        if (positional) return [positional];
        return typeof s.items === 'object' ? [s.items] : [];
      });
      walk(document, itemSchemas.flatMap((s) => expand(document, s)), item, [...tokens, index], found);
    });
    return;
  }
  const declared = new Set(schemas.flatMap((s) => Object.keys(s.properties ?? {})));
  // A map (additionalProperties or patternProperties with a schema) declares any name.
  const mapSchemas = schemas.flatMap((s) => [
    ...(typeof s.additionalProperties === 'object' ? [s.additionalProperties] : []),
    ...Object.values(s.patternProperties ?? {}),
  ]);
  // A free-form object (no properties named anywhere) declares nothing to compare against.
  const freeForm = declared.size === 0 && mapSchemas.length === 0;
  for (const [name, property] of Object.entries(value)) {
    const own = schemas.flatMap((s) => (s.properties?.[name] ? [s.properties[name]] : []));
    if (own.length > 0) walk(document, own.flatMap((s) => expand(document, s)), property, [...tokens, name], found);
    else if (mapSchemas.length > 0) walk(document, mapSchemas.flatMap((s) => expand(document, s)), property, [...tokens, name], found);
    else if (!freeForm) found.push(jsonPointer([...tokens, name]));
  }
}
