// Electronegativity fetches translations from the internet when it starts. This project's machines
// (and CI) reach no other address, and an audit needs no translations: its `got` is replaced by one
// that fails at once, without sending anything.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: the audit sends no request'));
    const api = Object.assign(offline, {
      get: offline,
      head: offline,
      post: offline,
      stream: offline,
    });
    return Object.assign(api, { default: api });
  }
  return load.call(this, request, ...rest);
};
