// What marks an element or a line as page furniture (navigation, banners,
// consent dialogs, comments, hidden boxes, share buttons) rather than the
// page's content. These are the element tests of the reader's pruning pass
// (html_body.cc), which weighs them against how much of the page's text
// the element holds.
#ifndef DATELINE_READ_FURNITURE_H_
#define DATELINE_READ_FURNITURE_H_

#include <string>
#include <string_view>

#include "read/html_dom.h"

namespace dateline::read {

// True when a class or id value names page furniture: a word such as
// "nav", "footer", "cookie", "share", "signature", matched on each
// space-separated word, whole and split at non-alphanumerics. Words that
// describe state or taxonomy ("has-sidebar", "tag-share-prices") and
// utility classes with variants ("lg:pt-[...]") are skipped. With
// `comments_are_content` (the page is a discussion thread), "comment..."
// names no furniture.
bool NamesFurniture(std::string_view class_or_id, bool comments_are_content = false);

// Dialogs, overlays and consent banners, whatever their share of the prose.
bool NamesTransient(const DomNode& n);

// Consent managers and cookie banners (stricter than NamesFurniture: these
// boxes hold long legal prose).
bool NamesConsent(const DomNode& n);

// Boxes of customer reviews.
bool NamesReviews(const DomNode& n);

// Elements whose class or id names a comment.
bool NamesComment(const DomNode& n);

// Hidden by attribute (hidden, aria-hidden), inline style (display: none,
// visibility: hidden) or a framework hiding class ("hidden", "d-none").
bool IsHidden(const DomNode& n);

// Tab panels and accordion sections: hidden until opened, but content.
bool IsDisclosurePanel(const DomNode& n);

// ARIA roles of furniture (navigation, banner, contentinfo, dialog...).
bool FurnitureRole(std::string_view role);

// The comparison key of a line: ASCII letters lower-cased, digits and
// non-ASCII bytes kept, everything else dropped ("Read more" -> "readmore").
std::string LineKey(std::string_view text);

// Short lines of furniture that survive pruning inside the content ("Share",
// "Advertisement", "À lire aussi", script-required notices, unfilled
// "{{ template }}" placeholders).
bool IsFurnitureText(std::string_view text);

}  // namespace dateline::read

#endif  // DATELINE_READ_FURNITURE_H_
