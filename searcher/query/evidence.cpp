// SPDX-License-Identifier: Apache-2.0
// Evidence: per-speaker talk retrieval and snippets.
#include "evidence.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string_view>

#include "podium/core/schema.h"
#include "podium/core/stored_records.h"
#include "podium/core/text_fold.h"

#include "query_builder.h"
#include "ranked_matches.h"
#include "slot_reader.h"

namespace podium::search {
namespace {

constexpr std::size_t kSnippetLength = 240;

std::string snippet_of(const Xapian::MSet& mset, const std::string& text) {
  if (text.empty()) return {};
  // Always non-empty markers: Xapian 1.4.32 fixed an escaping corner case with empty ones.
  // No SNIPPET_BACKGROUND_MODEL: it looks up the frequency of every word of the text to prefer
  // "interesting" context around the same query words, which cost a sixth of a search (pfull,
  // p50 17.1 -> 13.9 ms without it) for windows that mark as many words either way.
  return mset.snippet(text, kSnippetLength, english_stemmer(), Xapian::MSet::SNIPPET_EXHAUSTIVE,
                      kMarkStart, kMarkEnd, "…");
}

bool has_mark(const std::string& snippet) { return snippet.find(kMarkStart) != std::string::npos; }

struct Field {
  const char* prefix;
  const char* name;
};
const Field kFields[] = {{schema::kTitle, "title"},
                         {schema::kAbstract, "abstract"},
                         {schema::kTags, "tags"},
                         {schema::kBio, "bio"},
                         {schema::kHeadline, "headline"},
                         {schema::kName, "name"},
                         {schema::kTranscript, "transcript"}};

// The number of <mark>s in a snippet.
std::size_t mark_count(const std::string& snippet) {
  std::size_t count = 0;
  for (std::size_t pos = snippet.find(kMarkStart); pos != std::string::npos;
       pos = snippet.find(kMarkStart, pos + 1)) {
    ++count;
  }
  return count;
}

struct CueMatch {
  const TranscriptCue* cue = nullptr;
  std::string snippet;
};

// The cue whose snippet marks the most different words (then the most words; then the earliest).
CueMatch best_cue(const Xapian::MSet& mset, const std::vector<TranscriptCue>& transcript) {
  CueMatch best;
  std::size_t best_words = 0;
  std::size_t best_marks = 0;
  for (const auto& cue : transcript) {
    std::string snippet = snippet_of(mset, cue.text);
    const std::size_t marks = mark_count(snippet);
    if (marks == 0) continue;
    const std::size_t words = marked_words(snippet).size();
    if (words > best_words || (words == best_words && marks > best_marks)) {
      best = {&cue, std::move(snippet)};
      best_words = words;
      best_marks = marks;
    }
  }
  return best;
}

// The host of an http(s) URL, lower-cased, without "www."; empty when it has none.
std::string host_of(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  const std::size_t begin = scheme + 3;
  std::size_t end = url.find_first_of("/?#", begin);
  if (end == std::string::npos) end = url.size();
  std::string host = ascii_lower(url.substr(begin, end - begin));
  if (const std::size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  if (const std::size_t colon = host.find(':'); colon != std::string::npos) host.resize(colon);
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  return host;
}

// `url` with `param` added to its query string (before any fragment).
std::string add_query_param(const std::string& url, const std::string& param) {
  const std::size_t hash = url.find('#');
  std::string base = url.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : url.substr(hash);
  base += base.find('?') == std::string::npos ? '?' : '&';
  return base + param + fragment;
}

bool document_has_term(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

}  // namespace

std::string format_time(double seconds) {
  const long total = seconds > 0 ? static_cast<long>(seconds) : 0;
  const long hours = total / 3600;
  const long minutes = total / 60 % 60;
  const long secs = total % 60;
  char buffer[32];
  if (hours > 0) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", hours, minutes, secs);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", minutes, secs);
  }
  return buffer;
}

std::string video_url_at(const std::string& url, double seconds) {
  const std::string t = std::to_string(seconds > 0 ? static_cast<long>(seconds) : 0);
  const std::string host = host_of(url);
  if (host == "youtube.com" || host == "m.youtube.com") {
    const std::size_t watch = url.find("/watch?");
    const std::size_t v = url.find("v=", watch == std::string::npos ? 0 : watch);
    if (watch == std::string::npos || v == std::string::npos) return {};
    return add_query_param(url, "t=" + t + "s");
  }
  if (host == "youtu.be") return add_query_param(url, "t=" + t);
  if (host == "vimeo.com" || host == "player.vimeo.com") {
    return url.substr(0, url.find('#')) + "#t=" + t + "s";
  }
  return {};
}

std::vector<std::string> marked_words(const std::string& snippet) {
  std::vector<std::string> words;
  std::set<std::string> seen;
  const std::string start = kMarkStart;
  const std::string end = kMarkEnd;
  std::size_t pos = 0;
  while ((pos = snippet.find(start, pos)) != std::string::npos) {
    const std::size_t close = snippet.find(end, pos + start.size());
    if (close == std::string::npos) break;
    std::string word = ascii_lower(snippet.substr(pos + start.size(), close - pos - start.size()));
    if (seen.insert(word).second) words.push_back(word);
    pos = close + end.size();
  }
  return words;
}

std::map<std::string, std::vector<std::string>> matched_terms_by_field(
    const Xapian::Enquire& enquire, const Xapian::MSetIterator& item) {
  std::map<std::string, std::vector<std::string>> out;
  const Xapian::Document doc = item.get_document();
  auto add = [&out](const char* field, const std::string& word) {
    auto& list = out[field];
    if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(word);
  };
  for (auto it = enquire.get_matching_terms_begin(item); it != enquire.get_matching_terms_end(item);
       ++it) {
    const std::string term = *it;
    // The kind and filter terms match too ("XKIND:speaker" would read as the tag "IND:speaker").
    if (schema::is_boolean_term(term)) continue;
    // Plain-text terms are indexed once per field with that field's prefix as well, so the
    // document's prefixed terms tell which fields the word came from. Stems carry a leading Z
    // before the prefix ("Zprivaci" -> "ZSprivaci"); they are shown as "privaci~".
    const bool stemmed = !term.empty() && term[0] == 'Z';
    const std::string bare = stemmed ? term.substr(1) : term;
    if (bare.empty() || std::isupper(static_cast<unsigned char>(bare[0]))) {
      for (const auto& field : kFields) {
        const std::string prefix = field.prefix;
        if (bare.compare(0, prefix.size(), prefix) == 0) {
          add(field.name, bare.substr(prefix.size()) + (stemmed ? "~" : ""));
          break;
        }
      }
      continue;
    }
    const std::string word = bare + (stemmed ? "~" : "");
    bool placed = false;
    for (const auto& field : kFields) {
      const std::string prefixed = (stemmed ? "Z" : "") + std::string(field.prefix) + bare;
      if (document_has_term(doc, prefixed)) {
        add(field.name, word);
        placed = true;
      }
    }
    if (!placed) add("text", word);
  }
  return out;
}

QueryWordStems::QueryWordStems(const std::string& query) {
  for (const auto& word : plain_words(query)) word_of_stem_.emplace(english_stemmer()(word), word);
}

void QueryWordStems::respell(
    std::map<std::string, std::vector<std::string>>& terms_by_field) const {
  for (auto& [field, terms] : terms_by_field) {
    std::vector<std::string> respelled;
    for (const auto& term : terms) {
      std::string shown = term;
      if (term.ends_with('~')) {
        auto it = word_of_stem_.find(term.substr(0, term.size() - 1));
        if (it != word_of_stem_.end()) shown = it->second + "~";
      }
      if (std::find(respelled.begin(), respelled.end(), shown) == respelled.end()) {
        respelled.push_back(shown);
      }
    }
    terms = std::move(respelled);
  }
}

std::map<std::string, std::vector<Xapian::docid>> best_matching_talks(
    const Xapian::Database& db, const Xapian::Query& query,
    const std::vector<std::string>& speaker_ids, std::size_t limit, bool remote) {
  std::map<std::string, std::vector<Xapian::docid>> out;
  if (speaker_ids.empty() || limit == 0) return out;
  std::vector<Xapian::Query> speakers;
  for (const auto& id : speaker_ids) speakers.emplace_back(schema::speaker_term(id));
  const Xapian::Query talks_of_speakers(
      Xapian::Query::OP_AND, Xapian::Query(schema::kind_term(RecordKind::kTalk)),
      Xapian::Query(Xapian::Query::OP_OR, speakers.begin(), speakers.end()));
  Xapian::Enquire enquire(db);
  enquire.set_query(filtered_query(query, talks_of_speakers));
  // Every match: one speaker's best talks can rank anywhere among the others'. The filter
  // leaves each talk's weight as the query alone gives it, as one speaker's match would.
  const Xapian::MSet found = enquire.get_mset(0, db.get_doccount());
  if (remote) found.fetch();
  std::vector<Xapian::docid> docids;
  std::vector<Xapian::Document> documents;
  for (auto it = found.begin(); it != found.end(); ++it) {
    docids.push_back(*it);
    if (remote) documents.push_back(it.get_document());
  }
  const std::vector<std::string> speaker_lists =
      read_slot(db, schema::kSlotSpeakers, docids, documents, remote);
  const std::vector<std::string> ids = read_slot(db, schema::kSlotId, docids, documents, remote);
  const std::set<std::string> wanted(speaker_ids.begin(), speaker_ids.end());
  struct Match {
    double weight;
    const std::string* id;
    Xapian::docid docid;
  };
  std::map<std::string, std::vector<Match>> by_speaker;
  for (std::size_t i = 0; i < docids.size(); ++i) {
    const double weight = settled(found[static_cast<Xapian::doccount>(i)].get_weight());
    for (const std::string& speaker : schema::split_speakers(speaker_lists[i])) {
      if (wanted.count(speaker) != 0) by_speaker[speaker].push_back({weight, &ids[i], docids[i]});
    }
  }
  for (auto& [speaker, matches] : by_speaker) {
    const std::size_t shown = std::min(limit, matches.size());
    std::partial_sort(matches.begin(), matches.begin() + static_cast<long>(shown), matches.end(),
                      [](const Match& a, const Match& b) {
                        return a.weight != b.weight ? a.weight > b.weight : *a.id < *b.id;
                      });
    std::vector<Xapian::docid>& best = out[speaker];
    for (std::size_t k = 0; k < shown; ++k) best.push_back(matches[k].docid);
  }
  return out;
}

std::vector<Evidence> collect_evidence(const Xapian::Database& db, const Xapian::MSet& snippets,
                                       const Speaker& speaker, std::size_t limit,
                                       const std::vector<Xapian::docid>& best_talks) {
  std::vector<Evidence> out;
  std::vector<Xapian::Document> talks;
  for (std::size_t i = 0; i < limit && i < best_talks.size(); ++i) {
    talks.push_back(db.get_document(best_talks[i]));
  }
  for (auto it = talks.begin(); it != talks.end() && out.size() < limit; ++it) {
    Result<Talk> talk = stored_talk(it->get_data());
    if (!talk.is_ok()) continue;
    Evidence e;
    e.kind = "talk";
    e.talk_id = talk->id;
    e.title = talk->title;
    std::string snippet = snippet_of(snippets, talk->abstract);
    const std::string title_snippet = snippet_of(snippets, talk->title);
    if (!has_mark(snippet))
      snippet = has_mark(title_snippet) || snippet.empty() ? title_snippet : snippet;
    if (!has_mark(snippet) && !talk->transcript.empty()) {
      // The words were said, not written: show the cue that matches best and where it is.
      CueMatch cue = best_cue(snippets, talk->transcript);
      if (cue.cue != nullptr) {
        snippet = std::move(cue.snippet);
        e.time = format_time(cue.cue->start);
        e.video_at = video_url_at(talk->video, cue.cue->start);
      }
    }
    e.snippet = snippet;
    std::string marked_text = title_snippet + " " + snippet;
    for (const std::string& tag : talk->tags) {
      const std::string tag_snippet = snippet_of(snippets, tag);
      if (!has_mark(tag_snippet)) continue;
      e.matched_tags.push_back(tag);
      e.matched_tag_snippets.push_back(tag_snippet);
      marked_text += " " + tag_snippet;
    }
    e.matched_words = marked_words(marked_text);
    e.date = talk->date;
    e.url = talk->url;
    e.video = talk->video;
    e.slides = talk->slides;
    out.push_back(std::move(e));
  }
  if (out.size() < limit && !speaker.bio.empty()) {
    const std::string snippet = snippet_of(snippets, speaker.bio);
    if (has_mark(snippet)) {
      Evidence e;
      e.kind = "bio";
      e.snippet = snippet;
      e.matched_words = marked_words(snippet);
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace podium::search
