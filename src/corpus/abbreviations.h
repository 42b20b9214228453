// Abbreviations that end with a period inside a sentence, per language.
// This is data for the sentence splitter: lower-case, without the period.
#ifndef DATELINE_CORPUS_ABBREVIATIONS_H_
#define DATELINE_CORPUS_ABBREVIATIONS_H_

#include <string_view>

namespace dateline::abbreviations {

inline constexpr std::string_view kFrench[] = {
    "m",    "mm",   "mme", "mmes", "mlle", "mlles", "dr",  "pr",  "me",  "mgr", "st",
    "ste",  "av",   "bd",  "cf",   "chap", "env",   "etc", "ex",  "fig", "hab", "janv",
    "févr", "fevr", "avr", "juil", "sept", "oct",   "nov", "déc", "dec", "lun", "mar",
    "mer",  "jeu",  "ven", "sam",  "dim",  "min",   "max", "no",  "nos", "p",   "pp",
    "vol",  "éd",   "ed",  "coll", "gén",  "gal",   "col", "cdt", "lt",  "sgt", "art",
    "al",   "resp", "tél", "tel",  "cie",  "ets",   "vs",  "hab"};

inline constexpr std::string_view kEnglish[] = {
    "mr",   "mrs",  "ms",  "dr",  "prof", "sr",  "jr",   "st",   "gen", "col", "lt",  "sgt",
    "capt", "cmdr", "gov", "sen", "rep",  "rev", "hon",  "pres", "jan", "feb", "mar", "apr",
    "jun",  "jul",  "aug", "sep", "sept", "oct", "nov",  "dec",  "mon", "tue", "wed", "thu",
    "fri",  "sat",  "sun", "inc", "ltd",  "co",  "corp", "vs",   "etc", "e.g", "i.e", "approx",
    "dept", "est",  "fig", "no",  "vol",  "ave", "u.s",  "u.k",  "u.n", "a.m", "p.m"};

}  // namespace dateline::abbreviations

#endif  // DATELINE_CORPUS_ABBREVIATIONS_H_
