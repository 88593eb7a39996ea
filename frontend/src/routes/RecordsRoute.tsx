export default function RecordsRoute() {
  return <section className="page"><h1>Records</h1><p>Coming soon.</p></section>;
}
