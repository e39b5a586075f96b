/* ShenZhi draws its diagrams as inline SVG and never uses mermaid. Material's bundle would
   fetch mermaid from a CDN for a ```mermaid block; it loads this file instead. */
console.warn("ShenZhi: mermaid diagrams are not supported; draw the diagram as inline SVG.");
