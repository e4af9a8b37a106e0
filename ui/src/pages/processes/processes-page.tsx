/** @module ui/pages/processes/processes-page: placeholder until the page lands. */
export default function Page() {
  return <div>…</div>;
}
