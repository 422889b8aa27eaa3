// The part of fontkit 2.0.4 (plain JavaScript, no types of its own; pdfkit's font engine) that the
// report uses: parse a face once, and hand the parsed face to pdfkit, which accepts one as a font source.
declare module 'fontkit' {
  /** A parsed face; pdfkit lays text out with it and embeds a subset of it per document. */
  export interface Font {
    readonly postscriptName: string;
    layout(text: string): unknown;
  }
  /** A face from font bytes; `postscriptName` picks one face of a collection (.ttc), null when it has none of that name. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font | null;
}

declare namespace PDFKit.Mixins {
  interface PDFFont {
    /** pdfkit 0.20 takes a face fontkit has parsed (anything with `layout`) as well as a file or bytes. */
    registerFont(name: string, src: import('fontkit').Font): this;
  }
}
