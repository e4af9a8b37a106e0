/** @module ui/pages/modeler/modeler-page: placeholder until the page lands. */
export default function Page() {
  return <div>…</div>;
}
