// Main text of an HTML page: boilerplate pruning, text blocks, and the
// choice of the container that holds the most content text net of debris.
#ifndef DATELINE_READ_HTML_BODY_H_
#define DATELINE_READ_HTML_BODY_H_

#include <string>
#include <string_view>
#include <vector>

#include "read/html_dom.h"

namespace dateline::read {

// A run of text under one block element (a paragraph, a heading, a list
// item, a table cell...).
struct TextBlock {
  std::string text;    // whitespace collapsed, trimmed
  int owner = 0;       // index of the innermost block element holding it
  int chars = 0;       // non-space bytes
  int link_chars = 0;  // of which inside <a>
  int words = 0;
  char kind = 'p';        // 'p' paragraph, 'h' heading, 'l' list item, 'c' cell, 'q' pre
  bool sentence = false;  // ends like a sentence or holds one

  double link_density() const { return chars ? static_cast<double>(link_chars) / chars : 0; }
};

// Marks nodes to skip: scripts and styles, hidden elements, and elements
// whose tag, role, class or id names page furniture (nav, aside, footer,
// cookie, share, newsletter, comments, related...). A marked node's whole
// subtree is skipped. Nodes holding most of the page text are never marked,
// so a class on <body> or a page-wide wrapper cannot empty the page.
std::vector<bool> PruneMask(const Dom& dom);

// Splits the visible text of the body (outside pruned subtrees) into blocks.
std::vector<TextBlock> CollectBlocks(const Dom& dom, const std::vector<bool>& pruned);

// The element whose subtree holds the main text: the one with the most
// content text net of debris (link lists, short fragments), from the blocks
// of CollectBlocks().
int ChooseContainer(const Dom& dom, const std::vector<bool>& pruned,
                    const std::vector<TextBlock>& blocks);

// Returns the main text: paragraphs separated by blank lines, list items on
// their own lines. `title` is dropped when a heading repeats it.
std::string ExtractMainText(const Dom& dom, std::string_view title);
// The same with PruneMask(dom) computed by the caller, who needs it for the
// dates too (the mask is a costly pass over the whole tree).
std::string ExtractMainText(const Dom& dom, const std::vector<bool>& pruned,
                            std::string_view title);

}  // namespace dateline::read

#endif  // DATELINE_READ_HTML_BODY_H_
