// Textures by name for one run of the generator: each painted once when first asked for, its WebP
// bytes and its average colour (what the bake needs) kept for every tour that uses it.
import { encodeWebp } from './encode.ts';
import { meanLinear, type Picture, type Rgb } from './image.ts';

export interface TextureRecipe {
  make: () => Picture;
  /** WebP quality, 0–100. */
  quality?: number;
}

export class TextureStore {
  private readonly pictures = new Map<string, Picture>();
  private readonly encoded = new Map<string, Promise<Uint8Array>>();
  private readonly means = new Map<string, Rgb>();

  constructor(private readonly recipes: Readonly<Record<string, TextureRecipe>>) {}

  has(name: string): boolean {
    return name in this.recipes;
  }

  picture(name: string): Picture {
    let picture = this.pictures.get(name);
    if (!picture) {
      const recipe = this.recipes[name];
      if (!recipe) throw new Error(`no texture "${name}"`);
      picture = recipe.make();
      this.pictures.set(name, picture);
    }
    return picture;
  }

  mean(name: string): Rgb {
    let mean = this.means.get(name);
    if (!mean) {
      mean = meanLinear(this.picture(name));
      this.means.set(name, mean);
    }
    return mean;
  }

  webp(name: string): Promise<Uint8Array> {
    let bytes = this.encoded.get(name);
    if (!bytes) {
      bytes = encodeWebp(this.picture(name), this.recipes[name]?.quality);
      this.encoded.set(name, bytes);
    }
    return bytes;
  }
}
