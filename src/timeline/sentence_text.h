// How a selected sentence is shown: without the markers that live blogs and
// lists put in front of an item.
#ifndef DATELINE_TIMELINE_SENTENCE_TEXT_H_
#define DATELINE_TIMELINE_SENTENCE_TEXT_H_

#include <string_view>

namespace dateline {

// `sentence` without a leading live-blog clock ("13h40 :", "0 h 15 : ",
// "20 h 1 :") or list bullet ("• ", "- ", "* "), and without surrounding
// white space. The clock is the blog's time of posting, not part of what
// happened; the date line already says when. Returns the sentence unchanged
// (trimmed) when nothing would be left.
std::string_view DisplayText(std::string_view sentence);

}  // namespace dateline

#endif  // DATELINE_TIMELINE_SENTENCE_TEXT_H_
