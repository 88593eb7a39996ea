export default function RecordDetailRoute() {
  return <section className="page"><h1>RecordDetail</h1><p>Coming soon.</p></section>;
}
