package org.loyaltyhub.clearing.internal;

import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The positions of a report drawn as SVG, rendered on the server (no script): the parties on a circle, an arrow
 * from each debtor to its creditor, as thick as its share of the largest position, labelled with the amount.
 */
public final class FlowChart {

    private static final int SIZE = 640;
    private static final double RADIUS = 230;

    private FlowChart() {
    }

    public static String svg(ClearingReport report, String title) {
        List<Party> parties = report.positions().stream()
                .flatMap(p -> java.util.stream.Stream.of(p.debtor(), p.creditor())).distinct().sorted().toList();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" role=\"img\" class=\"flow-chart\" width=\"100%\"><title>").append(escape(title))
                .append("</title><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
                        + "markerWidth=\"4\" markerHeight=\"4\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f6feb\"/></marker></defs>");
        if (parties.isEmpty()) {
            return svg.append("</svg>").toString();
        }
        BigDecimal largest = report.positions().getFirst().amount().amount();
        for (Position p : report.positions()) {
            double[] from = at(parties.indexOf(p.debtor()), parties.size());
            double[] to = at(parties.indexOf(p.creditor()), parties.size());
            double width = 1.5 + 8 * p.amount().amount().divide(largest, 4, RoundingMode.HALF_EVEN).doubleValue();
            // stop short of the creditor's dot, and bend a little so flows both ways in a list stay apart
            double[] end = towards(to, from, 26);
            double[] start = towards(from, to, 26);
            double mx = (start[0] + end[0]) / 2 + (end[1] - start[1]) * 0.12;
            double my = (start[1] + end[1]) / 2 - (end[0] - start[0]) * 0.12;
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" "
                            + "stroke=\"#1f6feb\" stroke-opacity=\"0.7\" stroke-width=\"%.1f\" marker-end=\"url(#arrow)\">",
                    start[0], start[1], mx, my, end[0], end[1], width));
            svg.append("<title>").append(escape(report.name(p.debtor()) + " → " + report.name(p.creditor()) + ": "
                    + p.amount())).append("</title></path>");
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"20\" text-anchor=\"middle\" "
                    + "fill=\"#222\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">", mx, my)).append(escape(p.amount().toString())).append("</text>");
        }
        for (int i = 0; i < parties.size(); i++) {
            double[] c = at(i, parties.size());
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"20\" fill=\"#f2f5f9\" "
                    + "stroke=\"#555\"/>", c[0], c[1]));
            double ly = c[1] + (c[1] < SIZE / 2.0 ? -28 : 38);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"22\" "
                    + "text-anchor=\"middle\" font-weight=\"bold\">", c[0], ly))
                    .append(escape(report.name(parties.get(i)))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static double[] at(int index, int count) {
        double angle = -Math.PI / 2 + 2 * Math.PI * index / count;
        return new double[] {SIZE / 2.0 + RADIUS * Math.cos(angle), SIZE / 2.0 + RADIUS * Math.sin(angle)};
    }

    private static double[] towards(double[] from, double[] to, double by) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double length = Math.max(Math.hypot(dx, dy), 1);
        return new double[] {from[0] + dx / length * by, from[1] + dy / length * by};
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8"); // XML knows no named HTML entities
    }
}
