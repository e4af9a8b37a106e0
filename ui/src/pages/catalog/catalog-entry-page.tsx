/** @module ui/pages/catalog/catalog-entry-page: placeholder until the page lands. */
export default function Page() {
  return <div>…</div>;
}
