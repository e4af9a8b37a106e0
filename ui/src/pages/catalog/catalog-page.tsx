/** @module ui/pages/catalog/catalog-page: placeholder until the page lands. */
export default function Page() {
  return <div>…</div>;
}
