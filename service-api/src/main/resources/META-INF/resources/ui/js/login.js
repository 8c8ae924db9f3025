/* The login page: posts the form by script so that a wrong password shows a message (no inline script: CSP). */
'use strict';
const failed = () => { document.getElementById('login-error').hidden = false; };
if (new URLSearchParams(location.search).has('failed')) failed();
document.getElementById('login-form').addEventListener('submit', async e => {
  e.preventDefault();
  const response = await fetch('/j_security_check', { method: 'POST', credentials: 'same-origin',
    headers: { 'X-FleetCare-UI': '1' }, body: new URLSearchParams(new FormData(e.target)) });
  if (response.ok && !response.url.includes('failed')) location.replace('/ui/');
  else failed();
});
