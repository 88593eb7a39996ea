export default function RecordAccessRoute() {
  return <section className="page"><h1>RecordAccess</h1><p>Coming soon.</p></section>;
}
