package org.loyaltyhub.programs.internal.badges;

/** The image formats a badge's icon may have, with the content type it is served with. */
public enum IconType {
    PNG("image/png"), SVG("image/svg+xml");

    private final String contentType;

    IconType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
