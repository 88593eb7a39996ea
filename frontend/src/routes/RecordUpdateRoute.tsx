export default function RecordUpdateRoute() {
  return <section className="page"><h1>RecordUpdate</h1><p>Coming soon.</p></section>;
}
