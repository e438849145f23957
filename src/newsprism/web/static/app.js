// Highlight a cited span in an article without leaving the page (the self-contained report).
// Offsets are Unicode code points, as in the JSON report; Array.from splits by code point.
(function () {
  "use strict";
  function highlight(box, start, end) {
    var text = box.textContent;
    var chars = Array.from(text);
    if (!(start >= 0 && end > start && end <= chars.length)) { return null; }
    var mark = document.createElement("mark");
    mark.className = "cited";
    mark.textContent = chars.slice(start, end).join("");
    box.textContent = "";
    box.appendChild(document.createTextNode(chars.slice(0, start).join("")));
    box.appendChild(mark);
    box.appendChild(document.createTextNode(chars.slice(end).join("")));
    return mark;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-start]") : null;
    if (!link) { return; }
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#") { return; }
    var block = document.getElementById(href.slice(1));
    var box = block ? block.querySelector(".article-text") : null;
    if (!box) { return; }
    var mark = highlight(box, Number(link.getAttribute("data-start")), Number(link.getAttribute("data-end")));
    if (mark) {
      event.preventDefault();
      history.replaceState(null, "", href);
      mark.scrollIntoView({ block: "center" });
    }
  });
})();
