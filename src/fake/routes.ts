// Finds the spec operation a request is for, from the method and the path templates of the bundled
// spec: the fake knows no operation the spec does not list.
import type { SpecOperation } from '../verify/spec.js';

export type Routed =
  | { found: true; operation: SpecOperation; path: Record<string, string> }
  /** 404: no template matches the path; 405: one does, for other methods. */
  | { found: false; status: 404 | 405 };

interface Route {
  operation: SpecOperation;
  pattern: RegExp;
  names: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function routeOf(operation: SpecOperation): Route {
  const names: string[] = [];
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escape(part);
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { operation, pattern: new RegExp(`^${source}/?$`), names };
}

/** A router over the operations: a path (without the API's base) and a method in, the operation out. */
export function createRouter(operations: SpecOperation[]): (method: string, path: string) => Routed {
  const routes = operations.map(routeOf);
  return (method, path) => {
    let pathMatched = false;
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (route.operation.method !== method.toLowerCase()) continue;
      const values: Record<string, string> = {};
      route.names.forEach((name, index) => {
        values[name] = decodeURIComponent(match[index + 1]!);
      });
      return { found: true, operation: route.operation, path: values };
    }
    return { found: false, status: pathMatched ? 405 : 404 };
  };
}
