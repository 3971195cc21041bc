// In the browser build a `*.server` module is an empty module: a value imported from one and
// used by code that runs in the browser is `undefined` there, so the page renders differently
// after hydration (the wave page once hydrated «Skriv et helt tall fra 1 til undefined» and React
// threw #418). This walks what the browser build keeps, as the compiler does: from
// entry.client, root and every route's browser exports (not loader, action, headers), through
// the top-level declarations they reach and the modules those import, and fails on any value
// from a `*.server` module that code reaches.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const app = path.join(root, "app");
/** Route exports Remix keeps in the browser build; every other export is server-only. */
const browserExports = new Set(["default", "meta", "links", "handle", "ErrorBoundary", "HydrateFallback", "Layout", "shouldRevalidate", "clientLoader", "clientAction"]);

interface Imported {
  from: string;
  name: string; // "default", "*" or the exported name
}

interface ModuleInfo {
  file: string;
  /** Top-level statements: what each declares and which top-level names it references. */
  statements: { declares: string[]; refs: Set<string>; sideEffect: boolean; node: ts.Node }[];
  imports: Map<string, Imported>;
  /** Exported name → local name (or a re-export). */
  exports: Map<string, { local?: string; from?: Imported }>;
  starFrom: string[];
}

function resolve(spec: string, fromFile: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(app, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(fromFile), spec);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const isServerModule = (file: string) => /\.server\.(ts|tsx|js|mjs)$/.test(file);

/** Identifiers read as values (not property names, declared names or types). */
function valueRefs(node: ts.Node, into: Set<string>) {
  const visit = (n: ts.Node): void => {
    if (ts.isTypeNode(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return;
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const named = (p as { name?: ts.Node }).name === n;
      const declaration = named && (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isClassDeclaration(p) || ts.isFunctionExpression(p) || ts.isMethodDeclaration(p));
      const property = named && (ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isJsxAttribute(p) || ts.isPropertySignature(p));
      const bindingKey = ts.isBindingElement(p) && p.propertyName === n;
      if (!declaration && !property && !bindingKey) into.add(n.text);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
}

function bindingNames(name: ts.BindingName, into: string[]) {
  if (ts.isIdentifier(name)) into.push(name.text);
  else for (const e of name.elements) if (!ts.isOmittedExpression(e)) bindingNames(e.name, into);
}

const cache = new Map<string, ModuleInfo>();

function parse(file: string): ModuleInfo {
  const known = cache.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const info: ModuleInfo = { file, statements: [], imports: new Map(), exports: new Map(), starFrom: [] };
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (n: ts.Node) => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  for (const st of source.statements) {
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      const target = resolve((st.moduleSpecifier as ts.StringLiteral).text, file);
      if (!clause || clause.isTypeOnly || !target) continue;
      if (clause.name) info.imports.set(clause.name.text, { from: target, name: "default" });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) info.imports.set(bindings.name.text, { from: target, name: "*" });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          if (!el.isTypeOnly) info.imports.set(el.name.text, { from: target, name: (el.propertyName ?? el.name).text });
        }
      }
      continue;
    }
    if (ts.isExportDeclaration(st)) {
      if (st.isTypeOnly) continue;
      const target = st.moduleSpecifier ? resolve((st.moduleSpecifier as ts.StringLiteral).text, file) : null;
      if (!st.exportClause) {
        if (target) info.starFrom.push(target);
      } else if (ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.isTypeOnly) continue;
          const local = (el.propertyName ?? el.name).text;
          info.exports.set(el.name.text, target ? { from: { from: target, name: local } } : { local });
        }
      }
      continue;
    }
    if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) continue;
    const declares: string[] = [];
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) declares.push(st.name.text);
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) bindingNames(d.name, declares);
    if (exported(st)) {
      if (isDefault(st)) info.exports.set("default", { local: declares[0] ?? "<default>" });
      else for (const name of declares) info.exports.set(name, { local: name });
    }
    if (ts.isExportAssignment(st)) {
      declares.push("<default>");
      info.exports.set("default", { local: "<default>" });
    }
    const refs = new Set<string>();
    valueRefs(st, refs);
    info.statements.push({ declares, refs, sideEffect: declares.length === 0, node: st });
  }
  cache.set(file, info);
  return info;
}

/** Every `*.server` value the browser build reaches, as "file: name from module". */
function serverValuesInBrowser(): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const queue: { file: string; names: string[] | "all" }[] = [];
  const routeFiles = fs.readdirSync(path.join(app, "routes")).map((f) => path.join(app, "routes", f));
  for (const f of [path.join(app, "root.tsx"), ...routeFiles]) queue.push({ file: f, names: [...browserExports] });
  queue.push({ file: path.join(app, "entry.client.tsx"), names: "all" });

  while (queue.length) {
    const { file, names } = queue.shift()!;
    if (!/\.(ts|tsx)$/.test(file)) continue; // stylesheets and the like
    const info = parse(file);
    const wanted = new Set<string>();
    for (const name of names === "all" ? [...info.exports.keys()] : names) {
      const e = info.exports.get(name);
      if (e?.local) wanted.add(e.local);
      if (e?.from) queue.push({ file: e.from.from, names: e.from.name === "*" ? "all" : [e.from.name] });
      if (!e) for (const star of info.starFrom) queue.push({ file: star, names: [name] });
    }
    // Top-level statements the wanted names reach (side effects always run).
    const reached = new Set<number>();
    const pending = info.statements.map((s, i) => s.sideEffect || s.declares.some((d) => wanted.has(d)) ? i : -1).filter((i) => i >= 0);
    while (pending.length) {
      const i = pending.pop()!;
      if (reached.has(i)) continue;
      reached.add(i);
      for (const ref of info.statements[i].refs) {
        info.statements.forEach((s, j) => {
          if (s.declares.includes(ref) && !reached.has(j)) pending.push(j);
        });
        const imported = info.imports.get(ref);
        if (!imported) continue;
        if (isServerModule(imported.from)) {
          found.add(`${path.relative(root, file)}: ${ref} from ${path.relative(root, imported.from)}`);
          continue;
        }
        const key = `${imported.from}#${imported.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push({ file: imported.from, names: imported.name === "*" ? "all" : [imported.name] });
      }
    }
  }
  return [...found].sort();
}

describe("code that runs in the browser", () => {
  it("uses no value from a *.server module (they are empty in the browser build)", () => {
    expect(serverValuesInBrowser()).toEqual([]);
  });

  it("the check finds such a use (the wave page's limits, as they were)", () => {
    const file = path.join(app, "routes", "waves.$id._index.tsx");
    const info = parse(file);
    const real = info.imports.get("MAX_LINKS_PER_REQUEST")!;
    info.imports.set("MAX_LINKS_PER_REQUEST", { from: path.join(app, "survey", "links.server.ts"), name: "MAX_LINKS_PER_REQUEST" });
    try {
      expect(serverValuesInBrowser()).toContain("app/routes/waves.$id._index.tsx: MAX_LINKS_PER_REQUEST from app/survey/links.server.ts");
    } finally {
      info.imports.set("MAX_LINKS_PER_REQUEST", real);
    }
  });
});
