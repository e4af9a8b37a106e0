/** @module ui/pages/tasks/tasks-page: placeholder until the page lands. */
export default function Page() {
  return <div>…</div>;
}
