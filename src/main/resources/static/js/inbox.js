// Inbox keyboard shortcuts: j / k move through the list, Enter (or o) opens the conversation.
(function () {
  var current = -1;
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#conversations .conversation-row')); }
  function mark(index) {
    var all = rows();
    if (all.length === 0) { return; }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) { row.classList.toggle('selected', i === current); });
    all[current].scrollIntoView({block: 'nearest'});
  }
  document.addEventListener('keydown', function (event) {
    var tag = (event.target && event.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === 'j') { mark(current + 1); event.preventDefault(); }
    else if (event.key === 'k') { mark(current - 1); event.preventDefault(); }
    else if ((event.key === 'Enter' || event.key === 'o') && current >= 0) {
      var link = rows()[current] && rows()[current].querySelector('a.open-conversation');
      if (link) { window.location = link.href; }
    }
  });
})();
