/** The page a browser gets at /graphql: no CDN, no framework, works offline. */
export const QUERY_CONSOLE_PAGE = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Customer-contact ledger · GraphQL console</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 1fr 1fr; height: 100vh; }
  section { display: flex; flex-direction: column; padding: 12px; gap: 8px; min-height: 0; }
  textarea, pre, input { font: 13px ui-monospace, monospace; border: 1px solid #bbb; border-radius: 4px; padding: 8px; }
  textarea { flex: 1; resize: none; }
  pre { flex: 1; overflow: auto; margin: 0; background: #f6f6f6; }
  button { padding: 6px 16px; font-weight: 600; }
  label { font-weight: 600; }
</style>
</head>
<body>
<section>
  <label for="token">Bearer token (printed by <code>npm start</code>)</label>
  <input id="token" placeholder="eyJhbGciOi…">
  <label for="query">Query</label>
  <textarea id="query">query Projects { projects(first: 10) { edges { node { id name customerName } } } }</textarea>
  <label for="variables">Variables (JSON)</label>
  <textarea id="variables" style="flex: 0 0 80px">{}</textarea>
  <button id="run">Run (Ctrl+Enter)</button>
</section>
<section>
  <label>Result</label>
  <pre id="result"></pre>
</section>
<script>
  const $ = (id) => document.getElementById(id);
  $('token').value = localStorage.getItem('ledger-token') || '';
  // The start-up banner prints the whole header line; a pasted "Authorization: Bearer x" means x.
  const token = () => $('token').value.trim().replace(/^authorization:\\s*/i, '').replace(/^bearer\\s+/i, '');
  async function run() {
    localStorage.setItem('ledger-token', token());
    let variables;
    try { variables = JSON.parse($('variables').value || '{}'); }
    catch (e) { $('result').textContent = 'Variables are not JSON: ' + e.message; return; }
    const response = await fetch(location.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token() },
      body: JSON.stringify({ query: $('query').value, variables }),
    });
    $('result').textContent = JSON.stringify(await response.json(), null, 2);
  }
  $('run').onclick = run;
  document.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key === 'Enter') run(); });
</script>
</body>
</html>
`;
