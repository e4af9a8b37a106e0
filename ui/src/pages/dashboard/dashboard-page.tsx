/** @module ui/pages/dashboard/dashboard-page: placeholder until the page lands. */
export default function Page() {
  return <div>…</div>;
}
