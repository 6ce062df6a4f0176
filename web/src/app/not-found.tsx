import Link from 'next/link';

/** An unknown page, architecture hash or experiment id. */
export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p className="state state-empty" data-empty>
        No such page, architecture or experiment. Architecture pages take a 32-character
        NAS-Bench-101 module hash; find one on <Link href="/architectures">Architectures</Link>.
      </p>
    </>
  );
}
