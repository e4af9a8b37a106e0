/** @module ui/pages/forms/forms-page: placeholder until the page lands. */
export default function Page() {
  return <div>…</div>;
}
