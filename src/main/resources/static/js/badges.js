// The badge form shows the chosen icon before it is saved: read as a data: address (the pages' policy allows those
// for images), and shown in the preview next to the field. An image element never runs an SVG's scripts.
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type=file][data-preview]')) {
        return;
    }
    var preview = document.getElementById(input.dataset.preview);
    if (!preview || input.files.length === 0) {
        return;
    }
    var reader = new FileReader();
    reader.onload = function () {
        preview.src = reader.result;
        preview.hidden = false;
    };
    reader.readAsDataURL(input.files[0]);
});
