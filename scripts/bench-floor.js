// The floor page's only work: read storage, then show one line (see bench-floor.html).
chrome.storage.local.get('tokenState').then(() => {
  const line = document.createElement('p');
  line.id = 'content';
  line.textContent = 'Floor page: one script and one storage read.';
  document.body.append(line);
});
