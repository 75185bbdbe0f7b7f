// Re-runs a published draw in the browser, from the verification the service publishes, by the algorithm of
// enforcement-service/DRAW-ALGORITHM.md (envgov-draw-v1): SHA-256 only, integers only. It shares no code with the
// service; the verdict is this browser's own.
(function () {
  'use strict';
  var verdict = document.getElementById('verdict');
  if (!verdict || !window.crypto || !window.crypto.subtle || typeof BigInt === 'undefined') { return; }
  var TWO63 = BigInt(2) ** BigInt(63);

  function hex(bytes) {
    return Array.prototype.map.call(new Uint8Array(bytes), function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }
  function unhex(text) {
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) { out[i] = parseInt(text.substr(i * 2, 2), 16); }
    return out;
  }
  function sha256(bytes) { return crypto.subtle.digest('SHA-256', bytes); }
  function compare(a, b) {
    var x = new TextEncoder().encode(a), y = new TextEncoder().encode(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) { if (x[i] !== y[i]) { return x[i] - y[i]; } }
    return x.length - y.length;
  }

  async function verify(v) {
    var seed = unhex(v.seed);
    if (hex(await sha256(seed)) !== v.seedCommitment) { return 'commitment'; }
    var units = v.snapshot.slice().sort(function (a, b) { return compare(a.code, b.code); });
    var canonical = units.map(function (u) { return u.code + ',' + u.weight + '\n'; }).join('');
    var snapshotHash = new Uint8Array(await sha256(new TextEncoder().encode(canonical)));
    if (hex(snapshotHash) !== v.snapshotHash) { return 'snapshot'; }
    // Fenwick tree over the weights, to find the unit at a running sum quickly.
    var n = units.length, tree = new Array(n + 1).fill(BigInt(0)), total = BigInt(0);
    function add(i, delta) { for (i++; i <= n; i += i & -i) { tree[i] += delta; } }
    units.forEach(function (u, i) { add(i, BigInt(u.weight)); total += BigInt(u.weight); });
    function find(r) { // the first index whose prefix sum exceeds r
      var pos = 0, step = 1;
      while (step * 2 <= n) { step *= 2; }
      for (; step > 0; step = Math.floor(step / 2)) {
        if (pos + step <= n && tree[pos + step] <= r) { pos += step; r -= tree[pos]; }
      }
      return pos;
    }
    var block = 0, selection = [];
    async function next() {
      var input = new Uint8Array(72);
      input.set(seed, 0); input.set(snapshotHash, 32);
      new DataView(input.buffer).setBigUint64(64, BigInt(block++));
      var out = new DataView(await sha256(input));
      return out.getBigUint64(0) >> BigInt(1);
    }
    for (var k = 0; k < v.sampleSize; k++) {
      var limit = TWO63 - (TWO63 % total), value = await next();
      while (value >= limit) { value = await next(); }
      var index = find(value % total);
      selection.push(units[index].code);
      add(index, -BigInt(units[index].weight));
      total -= BigInt(units[index].weight);
    }
    return selection.join('\n') === v.selection.join('\n') ? 'match' : 'selection';
  }

  var id = window.location.pathname.split('/')[3];
  fetch('/api/public/inspections/draws/' + encodeURIComponent(id) + '/verification')
    .then(function (response) { return response.json(); })
    .then(verify)
    .then(function (result) {
      var ok = result === 'match';
      verdict.textContent = verdict.getAttribute(ok ? 'data-match' : 'data-mismatch') + (ok ? '' : ' (' + result + ')');
      verdict.className = 'notice ' + (ok ? 'success' : 'warning');
      verdict.setAttribute('data-result', result);
    })
    .catch(function () { verdict.hidden = true; });
})();
