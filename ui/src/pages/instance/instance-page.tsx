/** @module ui/pages/instance/instance-page: placeholder until the page lands. */
export default function Page() {
  return <div>…</div>;
}
