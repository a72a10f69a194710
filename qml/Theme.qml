pragma Singleton

import QtQuick

import "Format.js" as Format

// Colours and sizes derived from the system palette and font, so the app follows light/dark mode and scaling.
QtObject {
    id: theme

    readonly property SystemPalette system: SystemPalette {
        colorGroup: SystemPalette.Active
    }
    readonly property FontMetrics fontMetrics: FontMetrics {
        font: Qt.application.font
    }

    /// True when the system palette is a dark one (Qt 6.4 has no colour-scheme hint).
    readonly property bool dark: system.window.hslLightness < 0.5

    // Sizes: everything follows the font, which follows the screen scaling and the user's font choice.
    readonly property real lineHeight: Math.ceil(fontMetrics.height)
    readonly property real unit: Math.max(2, Math.round(lineHeight / 4))
    readonly property real spacingSmall: unit
    readonly property real spacing: unit * 2
    readonly property real spacingLarge: unit * 4
    readonly property real radius: Math.max(2, Math.round(unit * 1.5))
    readonly property real avatarSize: Math.round(lineHeight * 2.2)
    readonly property real smallAvatarSize: Math.round(lineHeight * 1.4)
    readonly property real focusWidth: Math.max(2, Math.round(unit / 2))

    readonly property real baseFontSize: Qt.application.font.pointSize > 0 ? Qt.application.font.pointSize : 10
    function fontSize(factor: real): real {
        return Math.round(baseFontSize * factor * 10) / 10;
    }
    readonly property real smallFontSize: fontSize(0.87)
    readonly property real titleFontSize: fontSize(1.25)
    readonly property real headingFontSize: fontSize(1.1)

    // Colours
    readonly property color window: system.window
    readonly property color base: system.base
    readonly property color text: system.windowText
    readonly property color baseText: system.text
    readonly property color accent: system.highlight
    readonly property color accentText: system.highlightedText
    /// The highlight colour, darkened or lightened until text on it has AA contrast (filled buttons, pills).
    readonly property color strongAccent: readable(system.highlight, system.highlightedText)
    readonly property color mutedText: mix(system.windowText, system.window, 0.38)
    readonly property color disabledText: mix(system.windowText, system.window, 0.6)
    readonly property color separator: mix(system.windowText, system.window, 0.82)
    readonly property color sidebar: dark ? Qt.lighter(system.window, 1.12) : Qt.darker(system.window, 1.04)
    readonly property color hover: Qt.rgba(system.windowText.r, system.windowText.g, system.windowText.b, 0.06)
    readonly property color selected: Qt.rgba(system.highlight.r, system.highlight.g, system.highlight.b, dark ? 0.35 : 0.18)
    readonly property color focusRing: dark ? Qt.lighter(system.highlight, 1.35) : system.highlight
    readonly property color link: dark ? "#8ab4f8" : "#0b57d0"
    readonly property color error: dark ? "#ffb4ab" : "#b3261e"
    readonly property color errorBackground: dark ? "#5c1a14" : "#fde7e5"
    readonly property color warningBackground: dark ? "#4d3b00" : "#fff4ce"
    readonly property color warningText: dark ? "#ffe08a" : "#5c4400"
    readonly property color infoBackground: dark ? "#10345a" : "#e3eefc"
    readonly property color infoText: dark ? "#cfe3ff" : "#0b3a75"
    readonly property color online: dark ? "#5fd068" : "#1e7b34"
    readonly property color badge: dark ? "#e5534b" : "#c62828"
    readonly property color badgeText: "#ffffff"

    // Every colour keeps white initials at WCAG AA contrast (4.5:1 or better).
    readonly property var avatarColors: [
        "#c62828", "#ad1457", "#6a1b9a", "#4527a0", "#283593", "#1565c0",
        "#00695c", "#2e7d32", "#bf360c", "#4e342e", "#37474f", "#7b5e00"
    ]

    function avatarColor(name: string): color {
        return avatarColors[Format.stableHash(name) % avatarColors.length];
    }

    function luminance(c: color): real {
        function channel(v) {
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        const rgb = Qt.tint(c, "transparent"); // Also accepts "#rrggbb" strings.
        return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b);
    }

    function contrast(a: color, b: color): real {
        const la = luminance(a);
        const lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /// @p background shifted away from @p foreground until the pair reaches 4.5:1.
    function readable(background: color, foreground: color): color {
        let c = background;
        const darken = luminance(foreground) > 0.5;
        for (let i = 0; i < 12 && contrast(c, foreground) < 4.5; ++i)
            c = darken ? Qt.darker(c, 1.1) : Qt.lighter(c, 1.1);
        return c;
    }

    function mix(a: color, b: color, amount: real): color {
        return Qt.rgba(a.r * (1 - amount) + b.r * amount,
                       a.g * (1 - amount) + b.g * amount,
                       a.b * (1 - amount) + b.b * amount,
                       a.a * (1 - amount) + b.a * amount);
    }
}
