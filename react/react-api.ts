// The React functions of the modules every form page bundles (the provider and its context,
// the form hook and its resolver), imported from React in this one module. A bundler such as
// esbuild writes one import statement per module that imports an external package, each with
// its own local names, and keeps every name such a statement lists: four modules importing
// from "react" gave a plain form page four statements and three aliases of useMemo (23 B gz).
// List here only functions those modules call (a name none calls would still be downloaded);
// other modules import from "react" directly. react/biome.json names these hooks for the
// dependency lint, which otherwise knows only hooks imported from "react".
export { createContext, useContext, useEffect, useMemo, useRef, useState } from "react";
