package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.shared.InvalidInput;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an uploaded SVG safe to serve: parsed without DTDs or entities, it is rebuilt from an allow-list of drawing
 * elements and attributes (anything else, metadata and editors' extras included, is left out). What would run code
 * or reach outside the image is refused rather than silently dropped, so the administrator learns why: scripts,
 * foreign objects, event handlers, links other than to the image's own {@code #ids}, and {@code url(...)} or CSS
 * imports pointing elsewhere.
 */
public final class SvgSanitizer {

    static final String SVG = "http://www.w3.org/2000/svg";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final int MAX_DEPTH = 50;

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc", "path",
            "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "linearGradient",
            "radialGradient", "stop", "clipPath", "mask", "pattern");
    private static final Set<String> WITH_TEXT = Set.of("text", "tspan", "title", "desc");
    private static final Set<String> REFUSED = Set.of("script", "foreignobject", "iframe", "embed", "object", "handler",
            "listener");
    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "style", "d", "x", "y", "x1", "y1", "x2", "y2",
            "cx", "cy", "r", "rx", "ry", "fx", "fy", "width", "height", "viewBox", "preserveAspectRatio", "points",
            "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
            "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "transform",
            "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "clip-path",
            "clip-rule", "mask", "font-family", "font-size", "font-weight", "font-style", "text-anchor",
            "dominant-baseline", "letter-spacing", "dx", "dy", "version", "patternUnits", "patternContentUnits",
            "patternTransform", "maskUnits", "maskContentUnits", "clipPathUnits", "display", "visibility", "color",
            "vector-effect", "href");
    private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);

    private SvgSanitizer() {
    }

    /** The safe SVG's bytes (UTF-8), or a refusal naming {@code field} and the reason. */
    public static byte[] sanitise(String field, byte[] bytes) {
        Document source = parse(field, bytes);
        Element root = source.getDocumentElement();
        if (!SVG.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw new InvalidInput(field, "is not an SVG image (its root must be <svg> in the SVG namespace)");
        }
        try {
            Document clean = builder().newDocument();
            Element copy = (Element) copy(field, root, clean, 0);
            copy.setAttributeNS(XMLNS, "xmlns", SVG);
            if (usesXlink(copy)) {
                copy.setAttributeNS(XMLNS, "xmlns:xlink", XLINK);
            }
            clean.appendChild(copy);
            return write(clean);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("SVG sanitiser misconfigured", e);
        }
    }

    private static Node copy(String field, Element from, Document to, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInput(field, "nests its elements too deeply");
        }
        Element element = to.createElementNS(SVG, from.getLocalName());
        NamedNodeMap attributes = from.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            String ns = a.getNamespaceURI();
            if (XMLNS.equals(ns)) {
                continue;
            }
            if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
                throw new InvalidInput(field, "contains an event handler (" + a.getName() + "), which SVG icons may not have");
            }
            checkValue(field, a.getName(), a.getValue());
            if ("href".equals(name) && (ns == null || XLINK.equals(ns))) {
                if (!a.getValue().strip().startsWith("#")) {
                    throw new InvalidInput(field, "links outside the image (" + a.getName() + "=\"" + shorten(a.getValue())
                            + "\"); only links to its own #ids are allowed");
                }
                if (XLINK.equals(ns)) {
                    element.setAttributeNS(XLINK, "xlink:href", a.getValue().strip());
                } else {
                    element.setAttribute("href", a.getValue().strip());
                }
            } else if (ns == null && ATTRIBUTES.contains(name)) {
                element.setAttribute(name, a.getValue());
            }
        }
        for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                String local = child.getLocalName() == null ? child.getNodeName() : child.getLocalName();
                if (REFUSED.contains(local.toLowerCase(Locale.ROOT))) {
                    throw new InvalidInput(field, "contains a <" + local + "> element, which SVG icons may not have");
                }
                if (SVG.equals(child.getNamespaceURI()) && ELEMENTS.contains(local)) {
                    element.appendChild(copy(field, (Element) child, to, depth + 1));
                } else {
                    refuseDangerInside(field, (Element) child);
                }
            } else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                    && WITH_TEXT.contains(from.getLocalName())) {
                element.appendChild(to.createTextNode(child.getNodeValue()));
            }
        }
        return element;
    }

    /** A left-out element may still hide a script: say so rather than drop it unnoticed. */
    private static void refuseDangerInside(String field, Element left) {
        var all = left.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String local = all.item(i).getLocalName();
            if (local != null && REFUSED.contains(local.toLowerCase(Locale.ROOT))) {
                throw new InvalidInput(field, "contains a <" + local + "> element, which SVG icons may not have");
            }
        }
    }

    private static void checkValue(String field, String name, String value) {
        String lower = value.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        if (lower.contains("javascript:") || lower.contains("@import") || lower.contains("expression(")) {
            throw new InvalidInput(field, "has a script or an import in " + name + ", which SVG icons may not have");
        }
        Matcher url = URL.matcher(value);
        while (url.find()) {
            if (!url.group(1).startsWith("#")) {
                throw new InvalidInput(field, "refers to something outside the image in " + name + " (url("
                        + shorten(url.group(1)) + ")); only references to its own #ids are allowed");
            }
        }
    }

    private static boolean usesXlink(Element root) {
        if (root.hasAttributeNS(XLINK, "href")) {
            return true;
        }
        var all = root.getElementsByTagNameNS(SVG, "*");
        for (int i = 0; i < all.getLength(); i++) {
            if (((Element) all.item(i)).hasAttributeNS(XLINK, "href")) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static Document parse(String field, byte[] bytes) {
        try {
            DocumentBuilder builder = builder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXException | IOException e) {
            throw new InvalidInput(field, "must be a well-formed SVG file without DOCTYPE or entities");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("SVG parser misconfigured", e);
        }
    }

    /** A parser that reads no DTD and expands no entity, internal or external. */
    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    private static byte[] write(Document doc) throws TransformerException {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer t = factory.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
