/**
 * What `/` answers when web/dist has no build: a short page saying how to build the dashboard,
 * in both languages. 200, not 5xx: the API itself is healthy and serving.
 */
export const HINT_PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>creditlens — tableau de bord non construit</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}code{background:#f4f6f8;padding:0.1rem 0.3rem}</style>
</head>
<body>
<h1>Le tableau de bord n'est pas encore construit</h1>
<p>L'API fonctionne (<a href="/api/docs">documentation</a>), mais le dossier <code>web/dist</code> est absent.
Lancez <code>npm run build:web</code> (ou <code>npm start</code>, qui le construit), puis rechargez cette page.</p>
<h2 lang="en">The dashboard is not built yet</h2>
<p lang="en">The API is running (<a href="/api/docs">docs</a>), but <code>web/dist</code> is missing.
Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it), then reload this page.</p>
</body>
</html>
`;
