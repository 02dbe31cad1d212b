"""Wording of ``skm template`` (questionnaire workbook, document and form)."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "tpl-title": ("Kuesioner Survei Kepuasan Masyarakat", "Community Satisfaction Survey Questionnaire"),
    "tpl-entry-sheet": ("Data", "Data"),
    "tpl-help-sheet": ("Petunjuk", "Instructions"),
    "tpl-lists-sheet": ("Pilihan", "Choices"),
    "tpl-col-no": ("No. Responden", "Respondent No."),
    "tpl-col-date": ("Tanggal", "Date"),
    "tpl-col-gender": ("Jenis Kelamin", "Gender"),
    "tpl-col-age": ("Usia", "Age"),
    "tpl-col-education": ("Pendidikan", "Education"),
    "tpl-col-occupation": ("Pekerjaan", "Occupation"),
    "tpl-col-service": ("Jenis Layanan", "Service"),
    "tpl-col-suggestion": ("Saran", "Suggestions"),
    "tpl-genders": ("Laki-laki|Perempuan", "Male|Female"),
    "tpl-educations": ("SD|SMP|SMA|D1–D3|D4/S1|S2|S3", "Primary|Junior high|Senior high|D1–D3|D4/S1|S2|S3"),
    "tpl-occupations": (
        "PNS|TNI|POLRI|Swasta|Wirausaha|Pelajar/Mahasiswa|Lainnya",
        "Civil servant|Military|Police|Private sector|Self-employed|Student|Other",
    ),
    "tpl-instrument": ("Instrumen: {title}", "Instrument: {title}"),
    "tpl-help": (
        "Cara mengisi:\n"
        "1. Isi satu baris per responden di sheet 'Data', mulai baris 2. Jangan ubah judul kolom.\n"
        "2. Kolom pertanyaan ({first} … {last}) berisi {what}; pilih dari daftar tarik-turun.\n"
        "3. Biarkan sel kosong bila responden tidak menjawab (kosong tidak dihitung, bukan 0).\n"
        "4. Kolom profil (jenis kelamin, pendidikan, pekerjaan, layanan) juga punya daftar pilihan.\n"
        "5. Hitung hasilnya dengan: {command}",
        "How to fill in:\n"
        "1. One row per respondent on the 'Data' sheet, from row 2. Do not change the headers.\n"
        "2. The question columns ({first} … {last}) hold {what}; pick from the drop-down list.\n"
        "3. Leave a cell empty when the respondent did not answer (a blank is left out, never 0).\n"
        "4. The profile columns (gender, education, occupation, service) have drop-down lists too.\n"
        "5. Compute the result with: {command}",
    ),
    "tpl-what-scores": ("nilai {low}–{high} (lihat tabel di bawah)", "scores {low}–{high} (see the table below)"),
    "tpl-what-labels": ("label jawaban (lihat tabel di bawah)", "answer labels (see the table below)"),
    "tpl-table-column": ("Kolom", "Column"),
    "tpl-table-number": ("No.", "No."),
    "tpl-table-element": ("Unsur", "Element"),
    "tpl-table-question": ("Pertanyaan", "Question"),
    "tpl-table-score": ("Nilai {score}", "Score {score}"),
    "tpl-intro": (
        "Dalam rangka meningkatkan kualitas pelayanan, kami mohon kesediaan Saudara mengisi "
        "kuesioner ini. Beri tanda centang (✓) pada satu jawaban untuk setiap pertanyaan.",
        "To improve our services, please fill in this questionnaire. Tick (✓) one answer for each question.",
    ),
    "tpl-unit": ("Unit pelayanan", "Service unit"),
    "tpl-profile": ("Profil responden", "Respondent profile"),
    "tpl-answers-title": ("Pendapat responden tentang pelayanan", "Respondent's opinion of the service"),
    "tpl-suggestion-prompt": (
        "Saran dan masukan untuk perbaikan pelayanan:",
        "Suggestions for improving the service:",
    ),
    "tpl-thanks": ("Terima kasih atas partisipasi Saudara.", "Thank you for taking part."),
    "tpl-forms-intro": (
        "Salin setiap blok di bawah ke Google Forms. Baris '#' menyebut jenis pertanyaan (jangan disalin); "
        "baris berikutnya adalah pertanyaan, lalu pilihannya, berurutan dari nilai terendah ke tertinggi. "
        "Jangan ubah teks pilihan agar skm dapat membaca hasil ekspornya.",
        "Copy each block below into Google Forms. The '#' line names the question type (do not copy it); "
        "the next line is the question, then its options, from the lowest score to the highest. Keep the "
        "option texts as they are so that skm can read the exported responses.",
    ),
    "tpl-forms-section": ("Bagian", "Section"),
    "tpl-forms-kind": ("Pilihan ganda, wajib", "Multiple choice, required"),
    "tpl-forms-short": ("Jawaban singkat", "Short answer"),
    "tpl-forms-paragraph": ("Paragraf", "Paragraph"),
    "tpl-forms-date": ("Tanggal", "Date"),
}
