"""The five header rules on small letters built in code: prefixes, participants, subjects, attachments."""

from __future__ import annotations

import pytest

from letterlint.checks.headers import DEFAULT_FORWARD_PREFIXES, DEFAULT_REPLY_PREFIXES, strip_prefixes
from letterlint.engine import Config, Engine
from letterlint.engine.examples import example_letter
from letterlint.engine.runner import load_all_rules

HEADER_RULES = ("subject-changed", "reply-all", "subject-informative", "missing-attachment", "large-attachment")


@pytest.fixture(scope="module")
def engines():
    rules = {r.id: r for r in load_all_rules() if r.id in HEADER_RULES}
    return {rid: Engine([rules[rid]], Config()) for rid in HEADER_RULES}


def found(engines, rid: str, ex: dict | str, me: list[str] | None = None) -> list:
    letter, thread, params, ex_me = example_letter(ex)
    engine = engines[rid]
    if me or ex_me or params:
        rule = engine.rules[0].copy()
        rule.params.update(params)
        engine = Engine([rule], Config(me=me or ex_me))
    return engine.check(letter, thread)


PREFIXES = DEFAULT_REPLY_PREFIXES + DEFAULT_FORWARD_PREFIXES


@pytest.mark.parametrize("subject, core", [
    ("Re: Договор", "Договор"), ("RE: Договор", "Договор"), ("re:Договор", "Договор"), ("Re[2]: Договор", "Договор"),
    ("Re(3): Договор", "Договор"), ("Re^2: Договор", "Договор"), ("RE : Договор", "Договор"),
    ("Ответ: Договор", "Договор"), ("ОТВ: Договор", "Договор"), ("На: Договор", "Договор"), ("Fwd: Договор", "Договор"),
    ("FW: Договор", "Договор"), ("Fw: Re: Договор", "Договор"), ("Пересл: Договор", "Договор"),
    ("Переслать: Договор", "Договор"), ("TR: Договор", "Договор"), ("AW: Договор", "Договор"), ("WG: Договор", "Договор"),
    ("SV: Договор", "Договор"), ("Antw: Договор", "Договор"), ("RE: Re: Отв: FW: Договор", "Договор"),
    ("Re：Договор", "Договор"), ("  Re:   Договор   №5  ", "Договор №5"),
    ("Договор", "Договор"), ("1С: Бухгалтерия", "1С: Бухгалтерия"), ("Ремонт: смета", "Ремонт: смета"),
    ("Re: Заявка Re: 5", "Заявка Re: 5"), ("Reestr: акт", "Reestr: акт"),
])
def test_strip_prefixes(subject: str, core: str) -> None:
    assert strip_prefixes(subject, PREFIXES) == core


def thread_ex(subject: str, original: str, **kw) -> dict:
    ex = {"subject": subject, "from": "m@agency.ru", "to": ["c@firm.ru"], "text": "Готово.",
          "thread": [{"from": "c@firm.ru", "to": ["m@agency.ru"], "subject": original, "text": "Как дела?"}]}
    ex.update(kw)
    return ex


@pytest.mark.parametrize("subject, original, fires", [
    ("Re: Договор №17", "Договор №17", False),
    ("RE: Re[2]: Договор №17", "Re: Договор №17", False),
    ("Ответ: Договор №17", "FW: Договор №17", False),
    ("Re: Договор № 17", "Договор №17", True),
    ("Re: Договор №17.", "Договор №17", True),
    ("Re: договор №17", "Договор №17", True),
    ("Re: Договор №18", "Договор №17", True),
    ("", "Договор №17", True),
    ("Re: Договор   №17", "Договор №17", False),   # folded header whitespace
])
def test_subject_changed(engines, subject: str, original: str, fires: bool) -> None:
    got = found(engines, "subject-changed", thread_ex(subject, original))
    assert bool(got) == fires, got
    if fires:
        assert got[0].rule == "subject-changed" and "Договор №17" in got[0].message


def test_subject_changed_quiet_without_thread_and_for_forwards(engines) -> None:
    assert not found(engines, "subject-changed", {"subject": "Новая тема", "text": "x"})
    assert not found(engines, "subject-changed", thread_ex("Fwd: Другое", "Договор №17", to=["lawyer@agency.ru"]))


def test_subject_changed_case_insensitive_option(engines) -> None:
    ex = thread_ex("Re: договор №17", "Договор №17", params={"case_sensitive": False})
    assert not found(engines, "subject-changed", ex)


def participants_ex(to: list[str], cc: list[str] = (), **kw) -> dict:
    ex = {"subject": "Re: Счёт", "from": "manager@agency.ru", "to": to, "cc": list(cc), "text": "Оплачено.",
          "thread": [{"from": "Бухгалтер <buh@firm.ru>", "to": ["manager@agency.ru", "lawyer@firm.ru"],
                      "cc": ["director@firm.ru", "sales@agency.ru"], "subject": "Счёт", "text": "Оплатили."}]}
    ex.update(kw)
    return ex


@pytest.mark.parametrize("to, cc, missing", [
    (["buh@firm.ru", "lawyer@firm.ru"], ["director@firm.ru"], []),
    (["buh@firm.ru", "lawyer@firm.ru", "director@firm.ru"], [], []),          # Cc moved into To
    (["BUH@firm.ru"], ["Lawyer@Firm.ru", "director@firm.ru"], []),           # case of addresses
    (["buh@firm.ru"], ["director@firm.ru"], ["lawyer@firm.ru"]),
    (["buh@firm.ru"], [], ["lawyer@firm.ru", "director@firm.ru"]),
    (["director@firm.ru"], [], ["buh@firm.ru", "lawyer@firm.ru"]),           # the sender himself dropped
])
def test_reply_all(engines, to: list[str], cc: list[str], missing: list[str]) -> None:
    got = found(engines, "reply-all", participants_ex(to, cc))
    assert [f.excerpt.split("<")[-1].rstrip(">") for f in got] == missing
    if missing:
        assert "ответьте всем" in got[0].message.lower()


def test_reply_all_own_addresses(engines) -> None:
    # sales@agency.ru (our domain) was in Cc: dropping it is fine by default…
    assert not found(engines, "reply-all", participants_ex(["buh@firm.ru", "lawyer@firm.ru", "director@firm.ru"]))
    # …but not with own_domain: false, unless listed in me:
    ex = participants_ex(["buh@firm.ru", "lawyer@firm.ru", "director@firm.ru"], params={"own_domain": False})
    assert [f.excerpt for f in found(engines, "reply-all", ex)] == ["sales@agency.ru"]
    ex["me"] = ["@agency.ru"]
    assert not found(engines, "reply-all", ex)


def test_reply_all_public_domain_is_not_ours(engines) -> None:
    ex = {"subject": "Re: x", "from": "manager@gmail.com", "to": ["c@firm.ru"], "text": "Ок.",
          "thread": [{"from": "c@firm.ru", "to": ["manager@gmail.com"], "cc": ["friend@gmail.com"], "subject": "x"}]}
    assert [f.excerpt for f in found(engines, "reply-all", ex)] == ["friend@gmail.com"]


def test_reply_all_answers_the_latest_client_letter(engines) -> None:
    ex = {"subject": "Re: x", "from": "m@agency.ru", "to": ["c@firm.ru"], "text": "Напоминаю.",
          "thread": [{"from": "c@firm.ru", "to": ["m@agency.ru"], "cc": ["boss@firm.ru"], "subject": "x"},
                     {"from": "m@agency.ru", "to": ["c@firm.ru"], "subject": "Re: x"}]}
    assert [f.excerpt for f in found(engines, "reply-all", ex)] == ["boss@firm.ru"]


@pytest.mark.parametrize("subject, fires", [
    ("Вопрос", True), ("вопрос.", True), ("ДОКУМЕНТЫ!!!", True), ("Без темы", True), ("(без темы)", True),
    ("", True), ("Re:", True), ("Fw:", False), ("Re: Договор", False), ("RE: Вопрос", False), ("Срочно", True), ("Привет", True), ("Файлы", True),
    ("Вопрос по договору №17", False), ("Документы для аудита 2024", False), ("Счёт №118 за март", False),
])
def test_subject_informative(engines, subject: str, fires: bool) -> None:
    got = found(engines, "subject-informative", {"subject": subject, "to": ["c@firm.ru"], "text": "x"})
    assert bool(got) == fires


def test_subject_informative_ignores_replies_and_body_only_templates(engines) -> None:
    assert not found(engines, "subject-informative", {"subject": "Вопрос", "reply": True, "text": "x"})
    assert not found(engines, "subject-informative", {"kind": "template", "text": "Здравствуйте, {{ name }}!"})


@pytest.mark.parametrize("text, fires", [
    ("Договор во вложении.", True),
    ("Во вложениях — акт и счёт.", True),
    ("Прилагаю счёт на оплату.", True),
    ("Прилагаем счёт на оплату.", True),
    ("Прикрепляю макет.", True),
    ("Прикрепила макет, посмотрите.", True),
    ("Макет приложил, жду комментариев.", True),
    ("Акт приложен.", True),
    ("Счёт прилагается.", True),
    ("Отправляю договор на согласование.", True),
    ("Направляем вам акт сверки.", True),
    ("Высылаю КП.", True),
    ("Пересылаю презентацию от дизайнера.", True),
    ("См. вложение.", True),
    ("Смотрите вложение.", True),
    ("Все документы в приложении.", True),
    ("В приложении к письму — смета.", True),
    ("В приложении: договор и счёт.", True),
    ("Подробности в приложенном файле.", True),
    ("Итоговая версия — dogovor_v3.docx.", True),
    ("Скидываю макет в аттаче.", True),
    ("Приложение: договор на 5 л.", True),
    ("Please find attached the contract.", True),
    ("Пришлите договор, пожалуйста.", False),
    ("Приложите, пожалуйста, скан паспорта.", False),
    ("Не забудьте приложить акт.", False),
    ("Договор вышлю завтра.", False),
    ("Отправим договор в понедельник.", False),
    ("Договор пришлю отдельным письмом.", False),
    ("Вы получили вложение?", False),
    ("Прикрепить договор к заявке?", False),
    ("Во вложении к вашему письму не было файла.", False),
    ("Спасибо, что приложили скриншот.", False),
    ("Вы прислали договор — спасибо, смотрим.", False),
    ("В вашем файле report.xlsx не хватает строки.", False),
    ("Ошибка в приложении исправлена.", False),
    ("Отчёт можно выгрузить в нашем приложении для iOS.", False),
    ("Скачайте приложение в App Store.", False),
    ("Сроки указаны в Приложении 2 к договору.", False),
    ("Смета есть в приложении к договору.", False),
    ("Макет по ссылке: https://disk.yandex.ru/d/abc", False),
    ("Отправляю ссылку на папку с макетами.", False),
    ("Договор отправляем курьером.", False),
    ("Оригиналы актов отправляем Почтой России.", False),
    ("Прилагаем все усилия, чтобы успеть.", False),
    ("За вами прикреплён персональный менеджер.", False),
    ("Сайт работает на https://example.ru/prices.pdf", False),
    ("Пишите на docs@firm.ru.", False),
    ("{{ client }}, договор {{ attachment_phrase }}.", False),
    ("Пришлите договор во вложении к ответному письму.", False),
    ("Ответ пришлём во вложении завтра.", False),
    ("Как я писал в прошлом письме, договор был во вложении.", False),
    ("Во вложении будет акт после подписания.", False),
    ("Отправляю договор на подпись через ЭДО.", False),
    ("Направляем счёт в Диадок.", False),
    ("Приложила все документы к заявке на сайте.", False),
    ("Это сообщение и любые документы, приложенные к нему, конфиденциальны.", False),
    ("Подпишите, пожалуйста, договор во вложении.", True),
    ("Прилагаю коммерческое предложение и счёт.", True),
    ("Пересылаю коммерческое предложение нашего партнёра.", True),
    ("В приложенном файле — расчёт.", True),
    ("20 мая показываем идеи, 27 мая присылаем готовые макеты.", False),
    ("Выгрузить отчёт можно в любой момент, а в начале месяца мы сами присылаем сводный отчёт.", False),
    ("Каждую пятницу высылаем акт сверки.", False),
    ("После договора мы присылаем список документов, — обычно это занимает два дня.", False),
    ("Высылаем сводный отчёт за прошлый месяц.", True),
    ("В пятницу высылаем договор.", False),
    ("Отправляю резюме нашей встречи.", False),
    # misses the audit found (the files were missing; the fixtures got attachments since)
    ("Направляю проект отзыва на исковое заявление «Альфа-Строя». Главный довод — истец пропустил срок.", True),
    ("Счёт № 2025-0418 от 27.05.2025 по договору № 77/25 во вложении.", True),
    ("Тексты для разделов «Кредит» и «Трейд-ин» готовы, отправляю их вам на согласование.", True),
    ("Направляем счёт за сопровождение 1С за апрель. Просим произвести оплату до 10 апреля.", True),
    ("Направляем проект договора на согласование.", True),
    ("Направляем проект в работу.", False),
    # the calculation written right in the letter is not an attachment
    ("Как и обещали, присылаем расчёт.\n\nПеревод 230 страниц на английский — 379 500 ₽. В стоимость входит вёрстка.",
     False),
    ("Присылаем расчёт:\n— перевод — 379 500 ₽;\n— вёрстка — 20 000 ₽.", False),
    ("Высылаю реквизиты:\nООО «Ромашка», ИНН 7701234567.", False),
    ("Как и обещали, присылаем расчёт.", True),
    ("Высылаем расчёт. Посмотрите, пожалуйста, и напишите, если будут вопросы.", True),
    ("Присылаем расчёт и договор.\n\nПеревод — 379 500 ₽.", True),
    ("Присылаем расчёт, файл raschet.xlsx.\n\nИтого 5 000 ₽.", True),
    ("Расчёт во вложении.\n\nИтого 5 000 ₽.", True),
    ("Направляем счёт.\n\nСумма — 45 000 ₽, оплатить до 10 апреля.", True),
    # «с вложенной инструкцией»: what comes inside the goods, not a file
    ("40 аптечек обойдутся в 46 800 ₽ — с пластиковым футляром и вложенной инструкцией.", False),
    ("Схема подключения есть во вложенной инструкции в коробке от регистратора, на странице 4.", False),
    ("Схема подключения есть во вложенной инструкции.", True),
    ("Отправляю письмо с вложенным файлом договора.", True),
    ("Договор с приложенной спецификацией — в этом письме.", True),
])
def test_missing_attachment_phrases(engines, text: str, fires: bool) -> None:
    got = found(engines, "missing-attachment", text)
    assert bool(got) == fires, got
    if fires:
        assert len(got) == 1 and got[0].message.startswith("В письме сказано о вложении")


def test_missing_attachment_respects_attachments_and_parts(engines) -> None:
    att = {"text": "Договор во вложении.", "attachments": [{"name": "dogovor.pdf", "size": 20000}]}
    assert not found(engines, "missing-attachment", att)
    logo = {"text": "Договор во вложении.", "attachments": [{"name": "image001.png", "size": 3000}]}
    assert found(engines, "missing-attachment", logo)                      # a signature logo is not the contract
    quoted = {"text": "Спасибо, получили.", "quoted": "Договор во вложении."}
    assert not found(engines, "missing-attachment", quoted)
    sig = {"text": "Спасибо, получили.", "signature": "Это письмо и все приложения к нему конфиденциальны."}
    assert not found(engines, "missing-attachment", sig)


def test_missing_attachment_points_at_the_phrase(engines) -> None:
    f = found(engines, "missing-attachment", "Добрый день! 🙂\nИтак, договор во вложении.")[0]
    assert (f.line, f.column, f.end_column, f.excerpt) == (2, 15, 26, "во вложении")


@pytest.mark.parametrize("text, sizes, count", [
    ("Отправляю видео.", ["48 MB"], 1),
    ("Отправляю видео и фото.", ["48 MB", "12 MB", "2 MB"], 2),
    ("Видео тяжёлое, около 50 МБ.", ["48 MB"], 0),
    ("Если не откроется — пришлю ссылку.", ["48 MB"], 0),
    ("Отправляю видео.", ["10 MB"], 0),
    ("Отправляю видео.", ["9 MB"], 0),
])
def test_large_attachment(engines, text: str, sizes: list[str], count: int) -> None:
    atts = [{"name": f"file{i}.mp4", "size": s} for i, s in enumerate(sizes)]
    got = found(engines, "large-attachment", {"text": text, "attachments": atts})
    assert len(got) == count
    if count:
        assert got[0].message == "Вложение «file0.mp4» весит 48,0 МБ (больше 10 МБ), а в письме об этом ни слова."


def test_large_attachment_threshold_param(engines) -> None:
    ex = {"text": "Отправляю видео.", "attachments": [{"name": "v.mp4", "size": "6 MB"}], "params": {"max_mb": 5}}
    assert len(found(engines, "large-attachment", ex)) == 1
