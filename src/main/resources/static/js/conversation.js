// The saved-reply picker puts the chosen text, filled in for this contact, into the reply box to be
// made personal there; the box's live checks then run as if it had been typed.
document.addEventListener('change', function (event) {
  if (event.target.id !== 'saved-reply-picker') { return; }
  var option = event.target.selectedOptions[0];
  var box = document.getElementById('reply-text');
  if (option && option.dataset.text && box) {
    box.value = option.dataset.text;
    box.focus();
    box.dispatchEvent(new Event('input', {bubbles: true}));
  }
});
