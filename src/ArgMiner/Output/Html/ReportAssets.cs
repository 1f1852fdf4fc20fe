using System.Text;

namespace ArgMiner.Output.Html;

/// <summary>The report's style sheet and script, written inline so the file needs nothing from anywhere.</summary>
internal static class ReportAssets
{
    /// <summary>
    /// The style sheet: label shading and marks from <see cref="LabelPalette"/>, filters by <c>data-show</c>. A word
    /// longer than the line (a pasted hash, a run of "!!!", 40,000 characters without a space) breaks where it must, and
    /// the document list is no wider than the page: a select is as wide as its longest option, so one 315-character
    /// title made the page 2,568 pixels wide and put the list off screen, and a 40,000-character token 564,000. The
    /// chart (670 pixels drawn, with a viewBox) shrinks to a narrow window instead of widening the page: on a phone it
    /// cut off the bars' right end and the legend's "other".
    /// </summary>
    public static string Css()
    {
        var css = new StringBuilder("""
            :root { color-scheme: light; }
            body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; color: #1a1a1a; background: #fff; }
            h1 { font-size: 1.6rem; margin: .5rem 0; }
            h2 { font-size: 1.25rem; }
            .meta, .note { color: #555; font-size: .9rem; }
            table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; }
            th, td { border: 1px solid #ccc; padding: .2rem .45rem; text-align: left; vertical-align: top; }
            th { background: #eee; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            .summary { display: flex; flex-wrap: wrap; gap: 2rem; }
            .summary > div { min-width: 0; max-width: 100%; }
            .summary svg { max-width: 100%; height: auto; }
            .claims { overflow-x: auto; }
            .filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ccc; padding: .5rem 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
            .filters button, .filters select { font: inherit; font-size: .9rem; padding: .25rem .6rem; border: 1px solid #777; border-radius: .3rem; background: #fff; cursor: pointer; }
            .filters button[aria-pressed="true"] { background: #1a1a1a; color: #fff; }
            .filters select { max-width: 100%; }
            main { overflow-wrap: anywhere; }
            .filters :focus-visible, summary:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
            article.doc { border-top: 2px solid #ddd; margin-top: 1rem; }
            article.doc > details > summary { cursor: pointer; padding: .5rem 0; }
            .doc-title { font-weight: 600; font-size: 1.1rem; }
            .footer { font-size: .85rem; color: #555; }
            .comments { margin: 1rem 0 0 1.5rem; padding: .5rem 1rem; border-left: 4px solid #bbb; background: #f7f7f7; }
            .comments h3 { font-size: 1rem; margin: .2rem 0; }
            blockquote.comment { margin: .4rem 0; padding: .3rem .6rem; background: #fff; border: 1px solid #e2e2e2; border-radius: .3rem; }
            .s { border-bottom: 2px solid transparent; padding: 0 .1rem; }
            .s::before { content: attr(data-mark); font-size: .6rem; font-weight: 700; vertical-align: super; margin-right: .15rem; letter-spacing: .02em; }
            mark { background: none; color: inherit; }
            mark.ent { border: 1px solid #555; border-radius: .2rem; padding: 0 .1rem; }
            mark.ent::after { content: attr(data-entity); font-size: .55rem; font-weight: 700; margin-left: .2rem; vertical-align: middle; color: #333; }
            mark.num { text-decoration: underline double #1a1a1a; text-underline-offset: .2em; font-weight: 600; }
            .legend span { display: inline-block; margin-right: .8rem; }
            .swatch { display: inline-block; width: 1.6rem; text-align: center; font-size: .7rem; font-weight: 700; border-radius: .2rem; }

            """);
        foreach (var style in LabelPalette.All)
        {
            css.Append($".s[data-label=\"{style.Label}\"] {{ background: #{style.Tint}; border-bottom-color: #{style.Colour}; }}\n");
            css.Append($".swatch.{style.Label} {{ background: #{style.Tint}; border: 2px solid #{style.Colour}; }}\n");
            css.Append($"body[data-show=\"{style.Label}\"] .s:not([data-label=\"{style.Label}\"]) {{ display: none; }}\n");
        }

        return css.ToString();
    }

    /// <summary>The filters: label buttons set <c>body[data-show]</c>; the document list hides the other articles.</summary>
    public const string Script = """
        (function () {
          var body = document.body;
          var buttons = Array.prototype.slice.call(document.querySelectorAll('button[data-filter]'));
          buttons.forEach(function (b) {
            b.addEventListener('click', function () {
              var show = b.getAttribute('data-filter');
              if (show === 'all') { body.removeAttribute('data-show'); } else { body.setAttribute('data-show', show); }
              buttons.forEach(function (o) { o.setAttribute('aria-pressed', o === b ? 'true' : 'false'); });
            });
          });
          var select = document.querySelector('select[data-filter="document"]');
          if (select) {
            select.addEventListener('change', function () {
              var id = select.value;
              Array.prototype.forEach.call(document.querySelectorAll('article.doc'), function (a) {
                var match = id === '' || a.getAttribute('data-doc') === id;
                a.hidden = !match;
                if (match && id !== '') { a.querySelector('details').open = true; }
              });
            });
          }
          body.setAttribute('data-ready', 'true');
        })();
        """;
}
