//! The XML of a Word package's parts, read with quick-xml and edited in place.
//!
//! In: a part's text (`document.xml`, `styles.xml`, a relationships part). Out: its
//! elements with their byte ranges and attributes ([`elements`]), and the text with edits
//! spliced in at the places quick-xml found ([`Edits`]): a start tag written anew by
//! quick-xml's writer with one attribute set, or XML inserted before an element or at the
//! end of one. Everything not edited keeps its bytes, so that a template's own markup
//! (namespaces, attributes this program does not know, its quoting) is carried over as it is.

use std::ops::Range;

use quick_xml::events::{BytesStart, Event};

/// One element of a part: where it is and what its start tag says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Its qualified name ("w:style").
    pub name: String,
    /// Its attributes in document order, values with entities resolved.
    pub attributes: Vec<(String, String)>,
    /// From `<` of its start tag to after `>` of its end tag (or of the empty tag).
    pub span: Range<usize>,
    /// After `>` of its start tag: where its first child goes.
    pub content_start: usize,
    /// At `<` of its end tag: where its last child goes (the span's end for an empty tag).
    pub content_end: usize,
    /// Whether it is an empty tag (`<w:rPr/>`).
    pub empty: bool,
}

impl Element {
    /// An attribute's value, entities resolved.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether `other` lies inside this element.
    pub fn holds(&self, other: &Element) -> bool {
        self.content_start <= other.span.start && other.span.end <= self.content_end
    }
}

/// Every element of `xml` in document order (an element before the ones inside it). Reading
/// stops at the first malformed markup: what came before it is returned.
pub fn elements(xml: &str) -> Vec<Element> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out: Vec<Element> = Vec::new();
    // The indexes in `out` of the elements open at this point.
    let mut open: Vec<usize> = Vec::new();
    loop {
        let start = position(&reader);
        let event = reader.read_event();
        let end = position(&reader);
        match event {
            Ok(Event::Start(tag)) => {
                open.push(out.len());
                out.push(element(&tag, start..end, false));
            }
            Ok(Event::Empty(tag)) => out.push(element(&tag, start..end, true)),
            Ok(Event::End(_)) => {
                if let Some(i) = open.pop() {
                    out[i].span.end = end;
                    out[i].content_end = start;
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// The elements named `name`, in document order.
pub fn named<'a>(elements: &'a [Element], name: &'a str) -> impl Iterator<Item = &'a Element> {
    elements.iter().filter(move |e| e.name == name)
}

fn position(reader: &quick_xml::Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

fn element(tag: &BytesStart<'_>, span: Range<usize>, empty: bool) -> Element {
    let attributes = tag
        .attributes()
        .filter_map(Result::ok)
        .filter_map(|a| {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()?;
            Some((a.key.as_ref().to_string(), value.into_owned()))
        })
        .collect();
    Element {
        name: tag.name().as_ref().to_string(),
        attributes,
        content_start: span.end,
        content_end: span.end,
        span,
        empty,
    }
}

/// An element written by quick-xml: an empty tag with these attributes, values escaped.
pub fn empty_tag(name: &str, attributes: &[(&str, &str)]) -> String {
    write_tag(name, attributes.iter().copied(), true)
}

fn write_tag<'a>(
    name: &str,
    attributes: impl Iterator<Item = (&'a str, &'a str)>,
    empty: bool,
) -> String {
    let mut tag = BytesStart::new(name);
    for attribute in attributes {
        tag.push_attribute(attribute);
    }
    let mut writer = quick_xml::Writer::new(Vec::new());
    let event = if empty {
        Event::Empty(tag)
    } else {
        Event::Start(tag)
    };
    // Writing into a Vec cannot fail.
    let _ = writer.write_event(event);
    String::from_utf8(writer.into_inner()).unwrap_or_default()
}

/// Edits to one part's text, spliced in together by [`Edits::apply`]. Edits at one place
/// come out in the order they were made; replaced ranges must not overlap.
#[derive(Debug, Default)]
pub struct Edits {
    edits: Vec<(Range<usize>, String)>,
}

impl Edits {
    /// Puts `text` in place of `range`.
    pub fn replace(&mut self, range: Range<usize>, text: impl Into<String>) {
        self.edits.push((range, text.into()));
    }

    /// Puts `text` at `at`.
    pub fn insert(&mut self, at: usize, text: impl Into<String>) {
        self.replace(at..at, text);
    }

    /// Sets an attribute of `element` (added last when it has none), rewriting its start
    /// tag with quick-xml.
    pub fn set_attribute(&mut self, element: &Element, name: &str, value: &str) {
        let mut attributes: Vec<(&str, &str)> = element
            .attributes
            .iter()
            .map(|(n, v)| (n.as_str(), if n == name { value } else { v.as_str() }))
            .collect();
        if element.attribute(name).is_none() {
            attributes.push((name, value));
        }
        let tag = write_tag(&element.name, attributes.into_iter(), element.empty);
        self.replace(element.span.start..element.content_start, tag);
    }

    /// Puts `child` last inside `element`, opening an empty tag when needed.
    pub fn append_child(&mut self, element: &Element, child: &str) {
        if element.empty {
            let attributes = element
                .attributes
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()));
            let open = write_tag(&element.name, attributes, false);
            let close = format!("</{}>", element.name);
            self.replace(element.span.clone(), format!("{open}{child}{close}"));
        } else {
            self.insert(element.content_end, child);
        }
    }

    /// The text with every edit made.
    pub fn apply(self, text: &str) -> String {
        self.apply_within(text, 0..text.len())
    }

    /// The part `within` of the text (an element's span), with the edits inside it made.
    pub fn apply_within(mut self, text: &str, within: Range<usize>) -> String {
        // A stable sort keeps edits at one place in the order they were made.
        self.edits.sort_by_key(|(range, _)| range.start);
        let mut out = String::with_capacity(within.len());
        let mut at = within.start;
        for (range, new) in self.edits {
            if range.start < at || range.end > within.end {
                continue; // outside, or overlapping an earlier edit: the first one stands
            }
            out.push_str(&text[at..range.start]);
            out.push_str(&new);
            at = range.end;
        }
        out.push_str(&text[at..within.end]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_found_with_their_spans_and_attributes() {
        let xml = r#"<a x="1"><b y='a&amp;b'/><c>text<b/></c></a>"#;
        let found = elements(xml);
        let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "b"]);
        assert_eq!(&xml[found[0].span.clone()], xml);
        assert_eq!(found[1].attribute("y"), Some("a&b"));
        assert_eq!(&xml[found[2].span.clone()], "<c>text<b/></c>");
        assert_eq!(
            &xml[found[2].content_start..found[2].content_end],
            "text<b/>"
        );
        assert!(found[2].holds(&found[3]));
        assert!(!found[2].holds(&found[1]));
    }

    #[test]
    fn edits_keep_every_byte_they_do_not_touch() {
        let xml = r#"<r><p s = 'x'  k="1" /><q/></r>"#;
        let found = elements(xml);
        let mut edits = Edits::default();
        edits.set_attribute(&found[1], "s", "a\"b");
        edits.append_child(&found[2], "<z/>");
        edits.insert(found[0].content_end, "<y/>");
        assert_eq!(
            edits.apply(xml),
            r#"<r><p s="a&quot;b" k="1"/><q><z/></q><y/></r>"#
        );
    }
}
