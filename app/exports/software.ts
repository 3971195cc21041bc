// Name and version of the exporting software, written into manifests and REFI-QDA projects.
export const SOFTWARE = { name: "Medforsker", version: "0.1.0" } as const;
export const SOFTWARE_NAME = `${SOFTWARE.name} ${SOFTWARE.version}`;
