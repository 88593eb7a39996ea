export default function RecordStoryRoute() {
  return <section className="page"><h1>RecordStory</h1><p>Coming soon.</p></section>;
}
