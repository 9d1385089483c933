// CSRF token on every htmx request, and fields of a step's form shown only when their choice is made.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  if (token) { event.detail.headers['X-CSRF-TOKEN'] = token.content; }
});

function motcuaConditions(root) {
  (root || document).querySelectorAll('[data-show-key]').forEach(function (field) {
    var form = field.closest('form');
    var key = field.getAttribute('data-show-key');
    var values = field.getAttribute('data-show-values').split(',');
    var update = function () {
      var chosen = form.querySelector('input[name="' + key + '"]:checked, select[name="' + key + '"]');
      var show = chosen && values.indexOf(chosen.value) >= 0;
      field.classList.toggle('hidden', !show);
    };
    form.querySelectorAll('[name="' + key + '"]').forEach(function (input) { input.addEventListener('change', update); });
    update();
  });
}
document.addEventListener('DOMContentLoaded', function () { motcuaConditions(document); });
// after settling: htmx puts back the server's attributes on elements that keep their id during the settle step
document.addEventListener('htmx:afterSettle', function (event) { motcuaConditions(event.target); });
