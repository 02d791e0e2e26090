// Calendar drag-and-drop: a planned post dropped on another day moves there, at the same time of day.
(function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.querySelectorAll('.chip[draggable="true"]').forEach(function (chip) {
    chip.addEventListener('dragstart', function (event) {
      event.dataTransfer.setData('text/plain', chip.getAttribute('data-variant'));
    });
  });
  document.querySelectorAll('td.day').forEach(function (cell) {
    cell.addEventListener('dragover', function (event) { event.preventDefault(); cell.classList.add('drop'); });
    cell.addEventListener('dragleave', function () { cell.classList.remove('drop'); });
    cell.addEventListener('drop', function (event) {
      event.preventDefault();
      cell.classList.remove('drop');
      var variant = event.dataTransfer.getData('text/plain');
      if (!variant) { return; }
      var headers = {'Content-Type': 'application/x-www-form-urlencoded'};
      if (token && header) { headers[header.content] = token.content; }
      fetch('/calendar/variants/' + variant + '/move', {
        method: 'POST', headers: headers, credentials: 'same-origin',
        body: 'day=' + encodeURIComponent(cell.getAttribute('data-day'))
      }).then(function (response) {
        if (response.ok) { window.location.reload(); return; }
        // A refusal (a time that has passed, a post already on its way) says why, in the member's language.
        return response.text().then(function (reason) {
          var shown = document.getElementById('move-refused');
          shown.textContent = reason;
          shown.hidden = false;
        });
      });
    });
  });
})();
