#pragma once

#include <xapian.h>

#include <string>

#include "analyzers/gazetteer.h"

namespace naviny {

// Stores the gazetteer's aliases by Gazetteer::lookup_key in the index metadata (the keys under
// schema::kMetaAliasPrefix), so that a search resolves `person:NAME` with one look-up instead of
// analysing every alias at each process start. Does nothing if the table was already written for
// the gazetteer whose hash is `gazetteer_hash`; otherwise replaces it. Stores the analysed
// gazetteer too (schema::kMetaGazetteerAnalysed), for the analysis chain `analyzer_fingerprint`.
void store_alias_table(Xapian::WritableDatabase& db, const Gazetteer& gazetteer,
                       const std::string& gazetteer_hash, const std::string& analyzer_fingerprint);

}  // namespace naviny
