/**
 * Indexing an ImageNet-format folder (`root/<class>/<image>`) without opening any image, so a
 * draw over ImageNet's 1.28M training files costs directory listings only.
 *
 * @example
 * const { classes, files } = await indexImageFolder('imagenet/val');
 * // classes[0] === 'n01440764'; files[0] holds its 50 image paths, sorted
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from '../batch-file.ts';
import { DatasetError } from '../errors.ts';

/** Image files a class folder may hold, by extension, case-insensitive (ImageNet uses .JPEG). */
export const IMAGE_EXTENSIONS = ['.jpeg', '.jpg', '.png'] as const;

/** The classes of an image folder and their files, as torchvision's ImageFolder orders them. */
export interface ImageFolderIndex {
  /** The directory indexed, as given. */
  dir: string;
  /** Class folder names, sorted; a class's label is its index here. */
  classes: string[];
  /** Paths of each class's image files (dir/class/name), sorted by name, aligned with classes. */
  files: string[][];
}

/**
 * Lists the class folders of `dir` and the image files in each. Names are sorted by UTF-16 code
 * unit, not by locale, so labels are the same on every machine (and equal torchvision's for
 * ASCII names such as ImageNet's WordNet ids). Hidden entries (a leading '.') and files with
 * other extensions are ignored; images in nested subfolders are not looked for.
 *
 * @example
 * const index = await indexImageFolder('imagenet/train');
 * index.classes.length; // 1000
 */
export async function indexImageFolder(dir: string): Promise<ImageFolderIndex> {
  const entries = await listDirectory(dir);
  const classes: string[] = [];
  for (const entry of entries) {
    if (!isHidden(entry.name) && (await isDirectory(dir, entry))) classes.push(entry.name);
  }
  if (classes.length === 0) {
    const images = entries.filter((entry) => isImageName(entry.name)).length;
    const hint =
      images > 0 ? ` (it holds ${images} images directly; put them in class folders)` : '';
    throw new DatasetError(
      { file: dir, record: null },
      `no class folders found (expected ${path.join(dir, '<class>', '<image>.JPEG')})${hint}`,
    );
  }
  classes.sort(byCodeUnit);

  const files: string[][] = [];
  for (const name of classes) {
    const folder = path.join(dir, name);
    const images = (await listDirectory(folder))
      // Links are taken on trust: a stat per file would cost minutes on ImageNet, and a broken
      // link fails, naming itself, when it is decoded.
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isImageName(entry.name))
      .map((entry) => entry.name)
      .sort(byCodeUnit);
    if (images.length === 0) {
      throw new DatasetError(
        { file: folder, record: null },
        `class folder holds no images (looked for ${IMAGE_EXTENSIONS.join(', ')}, any case)`,
      );
    }
    files.push(images.map((image) => path.join(folder, image)));
  }
  return { dir, classes, files };
}

async function listDirectory(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such directory'
        : code === 'ENOTDIR'
          ? 'is not a directory'
          : describeFsError(error);
    throw new DatasetError({ file: dir, record: null }, reason, { cause: error });
  }
}

// Class folders may be links (a subset of ImageNet linked from a full copy), so links are
// followed here; there are only ~1000 of them.
async function isDirectory(dir: string, entry: Dirent): Promise<boolean> {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  return stat(path.join(dir, entry.name)).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

function isImageName(name: string): boolean {
  const extension = path.extname(name).toLowerCase();
  return !isHidden(name) && (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

/** Sorting by code unit, as Python's sorted() does for names in the Basic Multilingual Plane. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
